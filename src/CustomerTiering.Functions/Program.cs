using CustomerTiering.Functions;

var app = HandlerApplication.Create(args);
await app.RunAsync();

// Loaded before Azurite (node --require): Azurite stops when the test process that started it closes its standard
// input, which the operating system does when that process ends in any way, killed included.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();

using CustomerTiering.Functions.OpenApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Access;

/// <summary>Registers token validation and each HTTP function's declaration of who may call it.</summary>
public static class AccessServices
{
    public static IHostApplicationBuilder AddCallerAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(EndpointAccess.FromAttributes(HttpFunction.All));
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AccessOptions>>((jwt, access) =>
        {
            jwt.Authority = access.Value.Authority;
            jwt.Audience = access.Value.Audience;
            jwt.RequireHttpsMetadata = access.Value.RequireHttpsMetadata;
            jwt.RefreshInterval = access.Value.KeyRefreshInterval;
            // Claims keep their token names (oid, roles, name), as Caller reads them.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.NameClaimType = "name";
            jwt.TokenValidationParameters.RoleClaimType = "roles";
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        });
        return builder;
    }
}

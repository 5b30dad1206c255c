using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Auditing;
using StudyHub.Identity.Authentication;
using StudyHub.Identity.Data;
using StudyHub.Identity.Domain;
using StudyHub.Identity.Features;
using StudyHub.Kernel.Auditing;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Users;

namespace StudyHub.Identity;

/// <summary>Accounts, sign-in, classrooms, parent links and consent.</summary>
public static class IdentityModule
{
    public static WebApplicationBuilder AddIdentityModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<AccountsDbContext>(AccountsDbContext.MigrationsHistoryTable);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IAuditLog, DatabaseAuditLog>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<SessionTokens>();

        services.AddScoped<Register>();
        services.AddScoped<SignIn>();
        services.AddScoped<GetMe>();

        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Accounts");
        Register.Map(api);
        SignIn.Map(api);
        GetMe.Map(api);
        return endpoints;
    }
}

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
using StudyHub.Kernel.Privacy;
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
        services.AddMemoryCache();
        services.AddSingleton<SessionRevocations>();

        services.AddScoped<Register>();
        services.AddScoped<SignIn>();
        services.AddScoped<GetMe>();
        services.AddScoped<RefreshTokens>();
        services.AddScoped<Features.SignOut>();
        services.AddScoped<ManageSessions>();
        services.AddScoped<Classrooms>();
        services.AddScoped<ParentalConsent>();
        services.AddScoped<IConsentGate>(provider => provider.GetRequiredService<ParentalConsent>());
        services.AddScoped<PersonalData>();
        services.AddScoped<AdministerUsers>();
        services.AddScoped<AccountProvisioning>();
        services.AddScoped<DemoData>();
        services.AddScoped<IPersonalDataContributor, AccountPersonalData>();

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
        RefreshTokens.Map(api);
        Features.SignOut.Map(api);
        ManageSessions.Map(api);
        Classrooms.Map(api);
        ParentalConsent.Map(api);
        PersonalData.Map(api);
        AdministerUsers.Map(api);
        return endpoints;
    }

    /// <summary>Seeds the demo accounts into an empty database; returns them (empty when the database held other data).</summary>
    public static async Task<IReadOnlyList<DemoAccount>> SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
    }

    /// <summary>Creates an administrator (the command-line path; admins never self-register).</summary>
    public static async Task<Guid> CreateAdministratorAsync(IServiceProvider services, string? email, string? password, string? displayName, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>()
            .CreateAsync(email, password, displayName, Role.Admin, null, cancellationToken);
        return user.Id;
    }
}

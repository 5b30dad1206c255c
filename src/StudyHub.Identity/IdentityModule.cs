using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Auditing;
using StudyHub.Identity.Features;
using StudyHub.Identity.Mail;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Privacy;

namespace StudyHub.Identity;

/// <summary>Accounts, sign-in, classrooms, parent links and consent.</summary>
public static class IdentityModule
{
    private const string DefaultScheme = "StudyHub";

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
        services.AddSingleton<ConsentStates>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<IdentityMetrics>();

        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<PickupFolderMailSender>();
        // No SMTP host (the one-machine default): mails become .eml files in the data directory.
        services.AddSingleton<IMailSender>(provider => string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
            ? provider.GetRequiredService<PickupFolderMailSender>()
            : provider.GetRequiredService<SmtpMailSender>());
        services.AddJobHandler<SendMailJob>();
        services.AddSingleton<MailLinks>();
        services.AddScoped<Mailbox>();
        services.AddScoped<OneTimeLinks>();
        services.AddSingleton<MailRequestThrottle>();

        services.AddScoped<Register>();
        services.AddScoped<VerifyEmail>();
        services.AddScoped<ForgotPassword>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<SignIn>();
        services.AddScoped<GetMe>();
        services.AddScoped<RefreshTokens>();
        services.AddScoped<Features.SignOut>();
        services.AddScoped<ManageSessions>();
        services.AddScoped<UpdateProfile>();
        services.AddScoped<Classrooms>();
        services.AddScoped<ParentalConsent>();
        services.AddScoped<LinkedParents>();
        services.AddScoped<IConsentGate, ConsentGate>();
        services.AddScoped<PersonalData>();
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<IFamilyMail, FamilyMail>();
        services.AddScoped<AdministerUsers>();
        services.AddScoped<AdministerSessions>();
        services.AddScoped<ViewAuditLog>();
        services.AddScoped<StudentRemovalUndo>();
        services.AddScoped<AccountProvisioning>();
        services.AddScoped<DemoData>();
        services.AddScoped<IPersonalDataContributor, AccountPersonalData>();

        services.AddScoped<WebSignIn>();
        services.AddDataProtection().SetApplicationName("StudyHub").PersistKeysToDbContext<AccountsDbContext>()
            .ProtectKeysWithConfiguredCertificate(builder.Configuration);
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Bearer token for the API, cookie for the web UI", policy =>
                policy.ForwardDefaultSelector = http => http.Request.Path.StartsWithSegments("/api") ? BearerAuthentication.SchemeName : WebSignIn.Scheme)
            .AddJwtBearer(BearerAuthentication.SchemeName, _ => { })
            .AddCookie(WebSignIn.Scheme, cookie =>
            {
                cookie.Cookie.Name = "studyhub.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/signin";
                cookie.AccessDeniedPath = "/denied";

                // A signed-in user on a page their role may not open gets a 403 (rendered as the
                // HTML error page for browsers), not a redirect to a 200 page.
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    // A revoked or expired session (or a disabled account) ends the cookie too.
                    var revocations = context.HttpContext.RequestServices.GetRequiredService<SessionRevocations>();
                    if (context.Principal?.Identity is not System.Security.Claims.ClaimsIdentity identity
                        || !await revocations.IsActiveAsync(identity, () => context.HttpContext.RequestServices.GetRequiredService<AccountsDbContext>(), context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(WebSignIn.Scheme);
                    }
                };
            });
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, BearerAuthentication>();
        services.AddAuthorization();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Accounts");
        Register.Map(api);
        VerifyEmail.Map(api);
        ForgotPassword.Map(api);
        ResetPassword.Map(api);
        SignIn.Map(api);
        GetMe.Map(api);
        RefreshTokens.Map(api);
        Features.SignOut.Map(api);
        ManageSessions.Map(api);
        UpdateProfile.Map(api);
        Classrooms.Map(api);
        StudentRemovalUndo.Map(api);
        ParentalConsent.Map(api);
        PersonalData.Map(api);
        AdministerUsers.Map(api);
        AdministerSessions.Map(api);
        ViewAuditLog.Map(api);
        PersonalData.MapWebDownloads(endpoints);

        // The web UI's sign-out: a form post (with antiforgery) that ends the cookie's session. A
        // post without a valid token (a forged cross-site form) changes nothing and is answered
        // with a 400 problem, not the antiforgery exception's 500.
        endpoints.MapPost("/signout", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext http, WebSignIn web, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The sign-out form has expired. Reload the page and try again.",
                    type: "https://studyhub.dev/problems/antiforgery_failed",
                    extensions: new Dictionary<string, object?> { ["code"] = "antiforgery_failed" });
            }

            await web.SignOutAsync(http, http.RequestAborted);
            return TypedResults.Redirect("/");
        }).ExcludeFromDescription();
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

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;
using StudyHub.Kernel.Data;

namespace StudyHub.Identity;

/// <summary>Accounts, sign-in, classrooms, parent links and consent.</summary>
public static class IdentityModule
{
    public static WebApplicationBuilder AddIdentityModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<AccountsDbContext>(AccountsDbContext.MigrationsHistoryTable);
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using StudyHub.Kernel.Privacy;

namespace StudyHub.Identity.Features;

public sealed record EraseAccountRequest(string? Password);

/// <summary>
/// GDPR export and erasure for the caller, or for a parent's linked child. Runs every module's
/// <see cref="IPersonalDataContributor"/>, so modules added later are covered without changes here.
/// </summary>
internal sealed class PersonalData(
    AccountsDbContext db,
    ICurrentUser currentUser,
    ParentalConsent consent,
    IEnumerable<IPersonalDataContributor> contributors,
    IPasswordHasher<User> hasher,
    IAuditLog audit,
    TimeProvider clock)
{
    public const int FormatVersion = 2;

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public async Task<Dictionary<string, object?>> ExportMineAsync(CancellationToken cancellationToken) =>
        await ExportAsync(currentUser.RequireUserId(), cancellationToken);

    public async Task<Dictionary<string, object?>> ExportChildAsync(Guid childId, CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        await consent.RequireLinkedChildAsync(parentId, childId, cancellationToken);
        return await ExportAsync(childId, cancellationToken);
    }

    public async Task EraseMineAsync(EraseAccountRequest request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, cancellationToken);
        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > AccountRules.MaxPasswordLength
            || hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            throw ValidationFailedException.For("password", "must be your current password to delete your account.");
        }

        await EraseAsync(userId, cancellationToken);
    }

    public async Task EraseChildAsync(Guid childId, CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        await consent.RequireLinkedChildAsync(parentId, childId, cancellationToken);
        await EraseAsync(childId, cancellationToken);
    }

    private async Task<Dictionary<string, object?>> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["formatVersion"] = FormatVersion,
            ["generatedAt"] = clock.GetUtcNow().UtcDateTime,
            ["userId"] = userId,
        };
        foreach (var contributor in contributors.OrderBy(c => c.Section, StringComparer.Ordinal))
        {
            document[contributor.Section] = await contributor.ExportAsync(userId, cancellationToken);
        }

        audit.Record(AuditEvents.DataExported, currentUser.UserId, userId, null);
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    private async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        // Other modules keep their data in their own DbContexts (own connections), which cannot
        // join this module's transaction; on SQLite they would wait on its write lock. They erase
        // first, each idempotently; the account goes last, so after a failure part-way the account
        // still exists and the erasure can simply be asked for again.
        foreach (var contributor in contributors.Where(c => c is not AccountPersonalData))
        {
            await contributor.EraseAsync(userId, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var contributor in contributors.OfType<AccountPersonalData>())
            {
                await contributor.EraseAsync(userId, cancellationToken);
            }

            // The record of the erasure commits with the erasure of the account, or neither does.
            audit.Record(AuditEvents.DataErased, currentUser.UserId, userId, null);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        // On SQLite the old pages (with the email and name) stay in the WAL file until a
        // checkpoint; copy them into the (secure_delete) database now and empty the WAL. Best
        // effort: a reader holding an old snapshot can delay it to the next checkpoint.
        if (db.Database.ProviderName == SqliteProvider)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }

    /// <summary>
    /// The same exports as files for the web UI (cookie sign-in, a plain link): the browser saves
    /// them under a dated name instead of showing JSON.
    /// </summary>
    public static void MapWebDownloads(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/account/export", async Task<FileContentHttpResult> (PersonalData handler, TimeProvider clock, IOptions<JsonOptions> json, CancellationToken ct) =>
                AsFile(await handler.ExportMineAsync(ct), "studyhub-my-data", clock, json.Value))
            .RequireAuthorization().ExcludeFromDescription();
        endpoints.MapGet("/family/children/{childId:guid}/export", async Task<FileContentHttpResult> (Guid childId, PersonalData handler, TimeProvider clock, IOptions<JsonOptions> json, CancellationToken ct) =>
                AsFile(await handler.ExportChildAsync(childId, ct), "studyhub-child-data", clock, json.Value))
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static FileContentHttpResult AsFile(Dictionary<string, object?> document, string name, TimeProvider clock, JsonOptions json)
    {
        var options = new JsonSerializerOptions(json.SerializerOptions) { WriteIndented = true };
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(document, options), "application/json", $"{name}-{day}.json");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/me/export", async Task<Ok<Dictionary<string, object?>>> (PersonalData handler, CancellationToken ct) => TypedResults.Ok(await handler.ExportMineAsync(ct)))
            .RequireAuthorization().WithTags("Privacy").WithName("ExportMyData").WithSummary("All your data as one JSON document (GDPR).");
        api.MapDelete("/me", async Task<NoContent> ([Microsoft.AspNetCore.Mvc.FromBody] EraseAccountRequest request, PersonalData handler, CancellationToken ct) =>
            {
                await handler.EraseMineAsync(request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization().WithTags("Privacy").WithName("EraseMyAccount")
            .WithSummary("Erase your account and personal data (GDPR). Send your current password to confirm.")
            .ProducesValidationProblem();
        api.MapGet("/parents/children/{childId:guid}/export", async Task<Ok<Dictionary<string, object?>>> (Guid childId, PersonalData handler, CancellationToken ct) => TypedResults.Ok(await handler.ExportChildAsync(childId, ct)))
            .RequireAuthorization().WithTags("Privacy").WithName("ExportChildData").WithSummary("All of your linked child's data (parents).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/parents/children/{childId:guid}", async Task<NoContent> (Guid childId, PersonalData handler, CancellationToken ct) =>
            {
                await handler.EraseChildAsync(childId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization().WithTags("Privacy").WithName("EraseChildAccount").WithSummary("Erase your linked child's account (parents).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

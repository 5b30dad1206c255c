namespace StudyHub.Identity.Features;

public sealed record AuditLogQuery(string? EventType, string? User, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public sealed record AuditLogEntry(Guid Id, DateTime OccurredAt, string EventType, Guid? ActorId, string? Actor, Guid? SubjectId, string? Subject, string? Detail, string? IpAddress, string? CorrelationId);

public sealed record AuditLogResults(IReadOnlyList<AuditLogEntry> Items, int Page, int PageSize, int Total);

/// <summary>Administrators read the security audit log, filtered by event, person (name or email) and dates (UTC).</summary>
internal sealed class ViewAuditLog(AccountsDbContext db, ICurrentUser currentUser)
{
    public const int MaxPageSize = 200;

    public static readonly string[] EventTypes =
    [
        AuditEvents.Registered, AuditEvents.SignedIn, AuditEvents.SignInFailed, AuditEvents.LockedOut, AuditEvents.SignedOut,
        AuditEvents.RefreshTokenReused, AuditEvents.SessionRevoked, AuditEvents.PasswordChanged, AuditEvents.RoleChanged,
        AuditEvents.AccountDisabled, AuditEvents.AccountEnabled, AuditEvents.ParentLinked, AuditEvents.ConsentGranted,
        AuditEvents.ConsentRevoked, AuditEvents.DataExported, AuditEvents.DataErased,
    ];

    public async Task<AuditLogResults> HandleAsync(AuditLogQuery query, CancellationToken cancellationToken)
    {
        currentUser.RequireRole(Role.Admin);
        var errors = new FieldErrors();
        if (query.Page < 1)
        {
            errors.Add("page", "must be 1 or more.");
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        }

        if (query.EventType is { Length: > 0 } type && !EventTypes.Contains(type))
        {
            errors.Add("eventType", "is not a known event type.");
        }

        if (query.User is { Length: > 100 })
        {
            errors.Add("user", "must be at most 100 characters.");
        }

        if (query.From is { } from && query.To is { } to && to < from)
        {
            errors.Add("to", "must be on or after the start date.");
        }

        errors.ThrowIfAny();

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.EventType))
        {
            entries = entries.Where(e => e.EventType == query.EventType);
        }

        if (query.From is { } start)
        {
            var after = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAt >= after);
        }

        if (query.To is { } end)
        {
            var before = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAt < before);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var term = query.User.Trim().ToLowerInvariant();
            var people = db.Users.Where(u => u.NormalizedEmail.Contains(term) || u.DisplayName.ToLower().Contains(term)).Select(u => u.Id);
            entries = entries.Where(e => (e.ActorId != null && people.Contains(e.ActorId.Value)) || (e.SubjectId != null && people.Contains(e.SubjectId.Value)));
        }

        var total = await entries.CountAsync(cancellationToken);
        var rows = await (from e in entries
                          join a in db.Users on e.ActorId equals a.Id into actors
                          from a in actors.DefaultIfEmpty()
                          join s in db.Users on e.SubjectId equals s.Id into subjects
                          from s in subjects.DefaultIfEmpty()
                          orderby e.OccurredAt descending, e.Id
                          select new AuditLogEntry(e.Id, e.OccurredAt, e.EventType, e.ActorId, a == null ? null : a.Email, e.SubjectId, s == null ? null : s.Email, e.Detail, e.IpAddress, e.CorrelationId))
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new AuditLogResults(rows, query.Page, query.PageSize, total);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/audit", async Task<Ok<AuditLogResults>> (string? eventType, string? user, DateOnly? from, DateOnly? to, int? page, int? pageSize, ViewAuditLog handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new AuditLogQuery(eventType, user, from, to, page ?? 1, pageSize ?? 50), ct)))
            .RequireAuthorization().WithTags("Admin").WithName("ViewAuditLog")
            .WithSummary("The security audit log, newest first, filtered by event type, person (name or email) and UTC dates (administrators).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}

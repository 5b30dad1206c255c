namespace StudyHub.Identity.Auditing;

/// <summary>
/// Adds security events to the module's unit of work (the scoped <see cref="AccountsDbContext"/>
/// the use case saves), with the request's correlation id and address.
/// </summary>
internal sealed class DatabaseAuditLog(AccountsDbContext db, IHttpContextAccessor accessor, TimeProvider clock) : IAuditLog
{
    public void Record(string eventType, Guid? actorId, Guid? subjectId, string? detail)
    {
        var http = accessor.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            EventType = eventType,
            ActorId = actorId,
            SubjectId = subjectId,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
            CorrelationId = http?.Response.Headers["X-Correlation-Id"].FirstOrDefault() ?? http?.TraceIdentifier,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}

using StudyHub.Kernel.Jobs;

namespace StudyHub.Identity.Features;

public sealed record ParentLinkCodeIssued(string Code, DateTime ExpiresAt);

public sealed record RedeemParentLinkRequest(string? Code);

public sealed record LinkedChild(Guid Id, string DisplayName, DateOnly? BirthDate, bool Under13, bool ConsentGranted, DateTime? ConsentGrantedAt, string? ConsentBasis, DateTime LinkedAt);

/// <summary>A parent's consent: only a parent or guardian who declares being an adult may give it.</summary>
public sealed record GrantConsentRequest(bool? DeclaresAdult);

public sealed record SchoolConsent(Guid StudentId, string DisplayName, bool ConsentGranted, DateTime? ConsentGrantedAt, string? ConsentBasis);

public sealed record Capabilities(bool Uploads, bool Ai, bool PublicLeaderboards, bool AwaitingParentalConsent);

/// <summary>
/// Parent links and COPPA consent: a student issues a code, a parent redeems it, and for a child
/// under 13 a linked parent who declares being an adult grants (or revokes) consent; or the
/// child's teacher records consent the school authorised for classroom use, as schools may under COPPA.
/// </summary>
internal sealed class ParentalConsent(AccountsDbContext db, ICurrentUser currentUser, IAuditLog audit, ConsentStates states, TimeProvider clock)
{
    public const int CodeLength = 8;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(7);

    public async Task<ParentLinkCodeIssued> IssueCodeAsync(CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var now = clock.GetUtcNow().UtcDateTime;
        var code = new ParentLinkCode
        {
            Id = Guid.NewGuid(),
            StudentId = studentId,
            Code = ShortCode.New(CodeLength),
            CreatedAt = now,
            ExpiresAt = now + CodeLifetime,
        };
        db.ParentLinkCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        return new ParentLinkCodeIssued(code.Code, code.ExpiresAt);
    }

    public async Task<LinkedChild> RedeemAsync(RedeemParentLinkRequest request, CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        var code = ShortCode.Normalize(request.Code);
        if (code.Length == 0)
        {
            throw ValidationFailedException.For("code", "is required.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var issued = await db.ParentLinkCodes.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (issued is null || issued.RedeemedAt is not null || issued.ExpiresAt <= now)
        {
            throw new LinkCodeInvalidException();
        }

        // Single use, even when two parents race for the same code; the claim and the link are one
        // transaction, so a failure in between leaves the code usable.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ParentLinkCodes.Where(c => c.Id == issued.Id && c.RedeemedAt == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RedeemedAt, now).SetProperty(x => x.RedeemedBy, parentId), cancellationToken);
        if (claimed == 0)
        {
            throw new LinkCodeInvalidException();
        }

        if (!await db.ParentLinks.AnyAsync(l => l.ParentId == parentId && l.StudentId == issued.StudentId, cancellationToken))
        {
            db.ParentLinks.Add(new ParentLink { ParentId = parentId, StudentId = issued.StudentId, LinkedAt = now });
            audit.Record(AuditEvents.ParentLinked, parentId, issued.StudentId, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return await ChildAsync(parentId, issued.StudentId, cancellationToken);
    }

    public async Task<IReadOnlyList<LinkedChild>> ChildrenAsync(CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        var today = Today;
        var rows = await (from l in db.ParentLinks
                          join u in db.Users on l.StudentId equals u.Id
                          where l.ParentId == parentId && u.ErasedAt == null
                          orderby u.DisplayName
                          select new { l.LinkedAt, User = u }).AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => ToChild(r.User, r.LinkedAt, today)).ToList();
    }

    /// <summary>One linked child of the calling parent; 404 for any other child.</summary>
    public async Task<LinkedChild> GetChildAsync(Guid childId, CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        await RequireLinkedChildAsync(parentId, childId, cancellationToken);
        return await ChildAsync(parentId, childId, cancellationToken);
    }

    public async Task<LinkedChild> GrantAsync(Guid childId, GrantConsentRequest request, CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        var child = await RequireLinkedChildAsync(parentId, childId, cancellationToken);

        // A child can open a "parent" account; the declaration puts an adult's word on record.
        if (request.DeclaresAdult != true)
        {
            throw ValidationFailedException.For("declaresAdult", "must be true: only a parent or guardian aged 18 or over may give consent.");
        }

        // Verifiable parental consent: the consent is only worth something if the school can reach the parent who gave it.
        if (!await ParentEmailVerifiedAsync(cancellationToken))
        {
            throw new ConflictException("email_unverified", "Verify your email address before giving consent: open the link we mailed you, or send a new one from your account page.");
        }

        if (child.ParentalConsentGrantedAt is null)
        {
            Grant(child, parentId, ConsentBases.Parent);
            audit.Record(AuditEvents.ConsentGranted, parentId, childId, "parent declared being an adult");
            await db.SaveChangesAsync(cancellationToken);
            states.Changed(childId);
        }

        return await ChildAsync(parentId, childId, cancellationToken);
    }

    /// <summary>Whether the calling parent has proved they read their mailbox, which giving consent needs.</summary>
    public async Task<bool> ParentEmailVerifiedAsync(CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        return await db.Users.AnyAsync(u => u.Id == parentId && u.EmailVerifiedAt != null, cancellationToken);
    }

    public async Task<LinkedChild> RevokeAsync(Guid childId, CancellationToken cancellationToken)
    {
        var parentId = currentUser.RequireRole(Role.Parent);
        var child = await RequireLinkedChildAsync(parentId, childId, cancellationToken);
        if (child.ParentalConsentGrantedAt is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            child.ParentalConsentGrantedAt = null;
            child.ParentalConsentGrantedBy = null;
            child.ParentalConsentBasis = null;
            child.UpdatedAt = now;
            audit.Record(AuditEvents.ConsentRevoked, parentId, childId, null);
            db.PublishEvent(new ParentalConsentWithdrawn(Guid.NewGuid(), childId, now), clock);
            await db.SaveChangesAsync(cancellationToken);

            // Withdrawn consent holds from the next request, on every instance.
            states.Changed(childId);
        }

        return await ChildAsync(parentId, childId, cancellationToken);
    }

    /// <summary>The teacher of a class the student is in records the school's consent for classroom use.</summary>
    public async Task<SchoolConsent> RecordSchoolConsentAsync(Guid classroomId, Guid studentId, CancellationToken cancellationToken)
    {
        var teacherId = currentUser.RequireRole(Role.Teacher);

        // 404 unless the student is in one of this teacher's (active) classes: never reveals other classes' students.
        var student = await db.Users.FirstOrDefaultAsync(
                u => u.Id == studentId && u.ErasedAt == null
                    && db.Enrollments.Any(e => e.StudentId == studentId && e.ClassroomId == classroomId
                        && db.Classrooms.Any(c => c.Id == classroomId && c.TeacherId == teacherId && c.ArchivedAt == null)),
                cancellationToken)
            ?? throw new NotFoundException("student");
        if (student.ParentalConsentGrantedAt is null)
        {
            Grant(student, teacherId, ConsentBases.School);
            audit.Record(AuditEvents.ConsentGranted, teacherId, studentId, $"school-authorised, classroom {classroomId}");
            await db.SaveChangesAsync(cancellationToken);
            states.Changed(studentId);
        }

        return new SchoolConsent(student.Id, student.DisplayName, student.ParentalConsentGrantedAt is not null, student.ParentalConsentGrantedAt, student.ParentalConsentBasis);
    }

    private void Grant(User child, Guid grantedBy, string basis)
    {
        child.ParentalConsentGrantedAt = clock.GetUtcNow().UtcDateTime;
        child.ParentalConsentGrantedBy = grantedBy;
        child.ParentalConsentBasis = basis;
        child.UpdatedAt = child.ParentalConsentGrantedAt.Value;
    }

    public Task<Capabilities> CapabilitiesAsync(CancellationToken cancellationToken) =>
        CapabilitiesOfAsync(states, currentUser, () => db, clock, cancellationToken);

    /// <summary>What the caller may use, from the cached consent state (<see cref="ConsentStates"/>).</summary>
    internal static async Task<Capabilities> CapabilitiesOfAsync(ConsentStates states, ICurrentUser currentUser, Func<AccountsDbContext> database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var state = await states.GetAsync(userId, database, cancellationToken)
            ?? throw new UnauthorizedException("account_unavailable", "This account no longer exists.");
        var open = !state.IsAwaitingConsent(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return new Capabilities(open, open, open, !open);
    }

    /// <summary>A child of the calling parent, or 404 — never revealing whether an unlinked child exists.</summary>
    public async Task<User> RequireLinkedChildAsync(Guid parentId, Guid childId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == childId && u.ErasedAt == null
            && db.ParentLinks.Any(l => l.ParentId == parentId && l.StudentId == childId), cancellationToken)
        ?? throw new NotFoundException("child");

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<LinkedChild> ChildAsync(Guid parentId, Guid childId, CancellationToken cancellationToken)
    {
        var row = await (from l in db.ParentLinks
                         join u in db.Users on l.StudentId equals u.Id
                         where l.ParentId == parentId && l.StudentId == childId
                         select new { l.LinkedAt, User = u }).AsNoTracking().FirstAsync(cancellationToken);
        return ToChild(row.User, row.LinkedAt, Today);
    }

    private static LinkedChild ToChild(User user, DateTime linkedAt, DateOnly today) =>
        new(user.Id, user.DisplayName, user.BirthDate, user.IsUnder13(today), user.ParentalConsentGrantedAt is not null, user.ParentalConsentGrantedAt, user.ParentalConsentBasis, linkedAt);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/me/parent-link-codes", async Task<Ok<ParentLinkCodeIssued>> (ParentalConsent handler, CancellationToken ct) => TypedResults.Ok(await handler.IssueCodeAsync(ct)))
            .RequireAuthorization().WithTags("Parents").WithName("IssueParentLinkCode")
            .WithSummary("A code (valid 7 days, single use) for a parent to link to your account (students).");
        api.MapGet("/me/capabilities", async Task<Ok<Capabilities>> (ParentalConsent handler, CancellationToken ct) => TypedResults.Ok(await handler.CapabilitiesAsync(ct)))
            .RequireAuthorization().WithTags("Accounts").WithName("GetCapabilities")
            .WithSummary("Which features are open to you (closed for under-13s until a parent consents).");

        var parents = api.MapGroup("/parents").RequireAuthorization().WithTags("Parents");
        parents.MapPost("/links", async Task<Ok<LinkedChild>> (RedeemParentLinkRequest request, ParentalConsent handler, CancellationToken ct) => TypedResults.Ok(await handler.RedeemAsync(request, ct)))
            .WithName("LinkChild").WithSummary("Link your child's account with the code they gave you (parents).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        parents.MapGet("/children", async Task<Ok<IReadOnlyList<LinkedChild>>> (ParentalConsent handler, CancellationToken ct) => TypedResults.Ok(await handler.ChildrenAsync(ct)))
            .WithName("ListChildren").WithSummary("Your linked children and their consent status (parents).");
        parents.MapPost("/children/{childId:guid}/consent", async Task<Ok<LinkedChild>> (Guid childId, GrantConsentRequest request, ParentalConsent handler, CancellationToken ct) => TypedResults.Ok(await handler.GrantAsync(childId, request, ct)))
            .WithName("GrantConsent")
            .WithSummary("Give consent for your child under 13 to use uploads, AI features and public leaderboards; you declare being their parent or guardian and 18 or over, and your email address must be verified.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/classrooms/{classroomId:guid}/students/{studentId:guid}/school-consent", async Task<Ok<SchoolConsent>> (Guid classroomId, Guid studentId, ParentalConsent handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RecordSchoolConsentAsync(classroomId, studentId, ct)))
            .RequireAuthorization().WithTags("Classrooms").WithName("RecordSchoolConsent")
            .WithSummary("Record consent your school authorised for a student of your class to use the restricted features in class (teachers).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        parents.MapDelete("/children/{childId:guid}/consent", async Task<Ok<LinkedChild>> (Guid childId, ParentalConsent handler, CancellationToken ct) => TypedResults.Ok(await handler.RevokeAsync(childId, ct)))
            .WithName("RevokeConsent").WithSummary("Withdraw consent; restricted features close again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

internal sealed class LinkCodeInvalidException()
    : StudyHubException(404, "link_code_not_found", "This link code is unknown, used or expired. Ask your child for a new one.");

using Microsoft.AspNetCore.Identity;

namespace StudyHub.Identity.Features;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, string Role, bool Disabled, bool AwaitingParentalConsent, DateTime CreatedAt);

public sealed record UserPage(IReadOnlyList<UserSummary> Items, int Page, int PageSize, int Total);

public sealed record ChangeRoleRequest(string? Role);

/// <summary>What a school administrator does to accounts: find them, change roles, disable them.</summary>
internal sealed class AdministerUsers(AccountsDbContext db, ICurrentUser currentUser, SessionRevocations revocations, ConsentStates consentStates, IAuditLog audit, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<UserPage> ListAsync(string? search, string? role, int page, int pageSize, CancellationToken cancellationToken)
    {
        currentUser.RequireRole(Role.Admin);
        var errors = new FieldErrors();
        if (page < 1)
        {
            errors.Add("page", "must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        }

        Role? roleFilter = null;
        if (!string.IsNullOrWhiteSpace(role))
        {
            if (AccountRules.TryParseRole(role, out var parsed))
            {
                roleFilter = parsed;
            }
            else
            {
                errors.Add("role", "must be student, teacher, parent or admin.");
            }
        }

        if (search is { Length: > 100 })
        {
            errors.Add("search", "must be at most 100 characters.");
        }

        errors.ThrowIfAny();

        var query = db.Users.AsNoTracking().Where(u => u.ErasedAt == null);
        if (roleFilter is { } r)
        {
            query = query.Where(u => u.Role == r);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(u => u.NormalizedEmail.Contains(term) || u.DisplayName.ToLower().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var users = await query.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new UserPage(users.Select(u => Summary(u, today)).ToList(), page, pageSize, total);
    }

    public async Task<UserSummary> ChangeRoleAsync(Guid userId, ChangeRoleRequest request, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireRole(Role.Admin);
        if (!AccountRules.TryParseRole(request.Role, out var role))
        {
            throw ValidationFailedException.For("role", "must be student, teacher, parent or admin.");
        }

        var user = await FindAsync(userId, cancellationToken);
        if (user.Role == Role.Admin && role != Role.Admin
            && await db.Users.CountAsync(u => u.Role == Role.Admin && u.DisabledAt == null && u.ErasedAt == null, cancellationToken) <= 1)
        {
            throw new ConflictException("last_admin", "This is the last administrator; make someone else an administrator first.");
        }

        if (user.Role != role)
        {
            var previous = user.Role;
            user.Role = role;
            user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await RevokeSessionsAsync(user.Id, "role_changed", cancellationToken);
            audit.Record(AuditEvents.RoleChanged, adminId, user.Id, $"{previous} -> {role}");
            await db.SaveChangesAsync(cancellationToken);

            // Only students wait for consent, so a new role can open or close the restricted features.
            consentStates.Changed(user.Id);
        }

        return Summary(user, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public async Task<UserSummary> SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireRole(Role.Admin);
        if (userId == adminId && disabled)
        {
            throw new ConflictException("cannot_disable_self", "You cannot disable your own account.");
        }

        var user = await FindAsync(userId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (disabled && user.DisabledAt is null)
        {
            user.DisabledAt = now;
            await RevokeSessionsAsync(user.Id, "account_disabled", cancellationToken);
            audit.Record(AuditEvents.AccountDisabled, adminId, user.Id, null);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (!disabled && user.DisabledAt is not null)
        {
            user.DisabledAt = null;
            audit.Record(AuditEvents.AccountEnabled, adminId, user.Id, null);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Summary(user, DateOnly.FromDateTime(now));
    }

    private async Task RevokeSessionsAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        foreach (var session in await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken))
        {
            revocations.Revoke(session, reason);
        }
    }

    private async Task<User> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken) ?? throw new NotFoundException("user");

    private static UserSummary Summary(User user, DateOnly today) =>
        new(user.Id, user.Email, user.DisplayName, AccountRules.RoleName(user.Role), user.DisabledAt is not null, user.IsAwaitingConsent(today), user.CreatedAt);

    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/users").RequireAuthorization().WithTags("Admin");
        admin.MapGet("/", async Task<Ok<UserPage>> (string? search, string? role, int? page, int? pageSize, AdministerUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(search, role, page ?? 1, pageSize ?? 25, ct)))
            .WithName("ListUsers").WithSummary("Find accounts (administrators).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPut("/{userId:guid}/role", async Task<Ok<UserSummary>> (Guid userId, ChangeRoleRequest request, AdministerUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ChangeRoleAsync(userId, request, ct)))
            .WithName("ChangeRole").WithSummary("Change an account's role (administrators); the user signs in again.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{userId:guid}/disable", async Task<Ok<UserSummary>> (Guid userId, AdministerUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SetDisabledAsync(userId, true, ct)))
            .WithName("DisableUser").WithSummary("Disable an account and end its sessions (administrators).").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{userId:guid}/enable", async Task<Ok<UserSummary>> (Guid userId, AdministerUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SetDisabledAsync(userId, false, ct)))
            .WithName("EnableUser").WithSummary("Re-enable an account (administrators).").ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>Creates accounts outside self-service registration: administrators (command line) and the demo data.</summary>
internal sealed class AccountProvisioning(AccountsDbContext db, IPasswordHasher<User> hasher, IAuditLog audit, TimeProvider clock)
{
    /// <param name="alongside">Adds work to the same save as the new account (its verification mail).</param>
    public async Task<User> CreateAsync(string? email, string? password, string? displayName, Role role, DateOnly? birthDate, CancellationToken cancellationToken, Action<User>? alongside = null)
    {
        var errors = new FieldErrors();
        var validEmail = AccountRules.ValidateEmail(errors, email);
        AccountRules.ValidatePassword(errors, "password", password, email);
        var validName = AccountRules.ValidateDisplayName(errors, "displayName", displayName);
        errors.ThrowIfAny();
        var normalized = AccountRules.NormalizeEmail(validEmail!);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw new ConflictException("email_taken", "An account with this email already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.NewGuid(),
            Email = validEmail!,
            NormalizedEmail = normalized,
            DisplayName = validName!,
            PasswordHash = string.Empty,
            Role = role,
            BirthDate = birthDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, password!);
        db.Users.Add(user);
        audit.Record(AuditEvents.Registered, user.Id, user.Id, role.ToString());
        alongside?.Invoke(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations raced for the same address; the unique index kept exactly one.
            db.Entry(user).State = EntityState.Detached;
            if (await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
            {
                throw new ConflictException("email_taken", "An account with this email already exists.");
            }

            throw;
        }

        return user;
    }
}

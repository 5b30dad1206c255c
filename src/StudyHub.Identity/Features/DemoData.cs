namespace StudyHub.Identity.Features;

public sealed record DemoAccount(string Role, string Email, string Password, string Note);

/// <summary>
/// The accounts a first-time visitor can try: an admin, a teacher with a classroom, a 15-year-old
/// student, an 11-year-old awaiting consent, and that child's parent. Seeded only into an empty database.
/// </summary>
internal sealed class DemoData(AccountsDbContext db, AccountProvisioning provisioning, TimeProvider clock)
{
    public const string Password = "StudyHub-demo-2026";

    /// <summary>The demo accounts that exist and can still sign in (for the sign-in page in demo mode).</summary>
    public async Task<IReadOnlyList<DemoAccount>> ListSeededAsync(CancellationToken cancellationToken)
    {
        var emails = Accounts.Select(a => a.Email).ToList();
        var usable = await db.Users.Where(u => emails.Contains(u.NormalizedEmail) && u.ErasedAt == null && u.DisabledAt == null)
            .Select(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        return Accounts.Where(a => usable.Contains(a.Email)).ToList();
    }

    private static IReadOnlyList<DemoAccount> Accounts { get; } =
        [
            new("admin", "admin@demo.studyhub.dev", Password, "school administrator"),
            new("teacher", "teacher@demo.studyhub.dev", Password, "teaches Algebra 1 (period 3)"),
            new("student", "maya@demo.studyhub.dev", Password, "15, in Algebra 1"),
            new("student", "leo@demo.studyhub.dev", Password, "11, in Algebra 1, awaiting parental consent"),
            new("parent", "parent@demo.studyhub.dev", Password, "Leo's parent: grant consent on the Family page"),
        ];

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken)
    {
        var accounts = Accounts;
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return await db.Users.AnyAsync(u => u.NormalizedEmail == "teacher@demo.studyhub.dev", cancellationToken) ? accounts : [];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        await provisioning.CreateAsync(accounts[0].Email, Password, "Alex Admin", Role.Admin, null, cancellationToken);
        var teacher = await provisioning.CreateAsync(accounts[1].Email, Password, "Ms. Rivera", Role.Teacher, null, cancellationToken);
        var maya = await provisioning.CreateAsync(accounts[2].Email, Password, "Maya Chen", Role.Student, today.AddYears(-15).AddDays(-40), cancellationToken);
        var leo = await provisioning.CreateAsync(accounts[3].Email, Password, "Leo Park", Role.Student, today.AddYears(-11).AddDays(-100), cancellationToken);
        var parent = await provisioning.CreateAsync(accounts[4].Email, Password, "Sam Park", Role.Parent, null, cancellationToken);

        var classroom = new Classroom
        {
            Id = Guid.NewGuid(),
            TeacherId = teacher.Id,
            Name = "Algebra 1 — Period 3",
            Subject = "Mathematics",
            Grade = "Grade 8",
            TimeZone = "America/New_York",
            JoinCode = ShortCode.New(Classrooms.JoinCodeLength),
            CreatedAt = now,
        };
        db.Classrooms.Add(classroom);
        db.Enrollments.Add(new Enrollment { ClassroomId = classroom.Id, StudentId = maya.Id, JoinedAt = now });
        db.Enrollments.Add(new Enrollment { ClassroomId = classroom.Id, StudentId = leo.Id, JoinedAt = now });
        db.ParentLinks.Add(new ParentLink { ParentId = parent.Id, StudentId = leo.Id, LinkedAt = now });

        // Demo addresses have no mailbox; treating them as verified lets the demo parent give consent.
        var demoEmails = accounts.Select(a => a.Email).ToList();
        foreach (var user in await db.Users.Where(u => demoEmails.Contains(u.NormalizedEmail)).ToListAsync(cancellationToken))
        {
            user.EmailVerifiedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return accounts;
    }
}

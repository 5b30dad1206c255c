using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Identity.Data.Migrations;

// Written by hand (no EF design-time tools in reach). Column types come from the CLR types and
// the model, so the same migration produces each provider's own DDL; a test compares the result
// with the model on SQLite and PostgreSQL.
[DbContext(typeof(AccountsDbContext))]
[Migration("20261124000000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                NormalizedEmail = table.Column<string>(maxLength: 254, nullable: false),
                DisplayName = table.Column<string>(maxLength: 80, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<int>(nullable: false),
                BirthDate = table.Column<DateOnly>(nullable: true),
                ParentalConsentGrantedAt = table.Column<DateTime>(nullable: true),
                ParentalConsentGrantedBy = table.Column<Guid>(nullable: true),
                PreferredLanguage = table.Column<string>(maxLength: 16, nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                Theme = table.Column<string>(maxLength: 16, nullable: false),
                EmailNotifications = table.Column<bool>(nullable: false),
                FailedSignInCount = table.Column<int>(nullable: false),
                LockoutEndsAt = table.Column<DateTime>(nullable: true),
                DisabledAt = table.Column<DateTime>(nullable: true),
                ErasedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.Id));
        migrationBuilder.CreateIndex("IX_users_NormalizedEmail", "users", "NormalizedEmail", unique: true);

        migrationBuilder.CreateTable(
            name: "user_sessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                DeviceName = table.Column<string>(maxLength: 200, nullable: false),
                IpAddress = table.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                RevokedReason = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_sessions", x => x.Id);
                table.ForeignKey("FK_user_sessions_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_user_sessions_UserId", "user_sessions", "UserId");

        migrationBuilder.CreateTable(
            name: "refresh_tokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_refresh_tokens", x => x.Id);
                table.ForeignKey("FK_refresh_tokens_user_sessions_SessionId", x => x.SessionId, "user_sessions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_refresh_tokens_TokenHash", "refresh_tokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_refresh_tokens_SessionId", "refresh_tokens", "SessionId");

        migrationBuilder.CreateTable(
            name: "signing_keys",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 64, nullable: false),
                Algorithm = table.Column<string>(maxLength: 16, nullable: false),
                PrivateKey = table.Column<string>(maxLength: 4096, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RetiredAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_signing_keys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "classrooms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TeacherId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Subject = table.Column<string>(maxLength: 60, nullable: false),
                Grade = table.Column<string>(maxLength: 20, nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                JoinCode = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ArchivedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_classrooms", x => x.Id);
                table.ForeignKey("FK_classrooms_users_TeacherId", x => x.TeacherId, "users", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_classrooms_JoinCode", "classrooms", "JoinCode", unique: true);
        migrationBuilder.CreateIndex("IX_classrooms_TeacherId", "classrooms", "TeacherId");

        migrationBuilder.CreateTable(
            name: "enrollments",
            columns: table => new
            {
                ClassroomId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_enrollments", x => new { x.ClassroomId, x.StudentId });
                table.ForeignKey("FK_enrollments_classrooms_ClassroomId", x => x.ClassroomId, "classrooms", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_enrollments_users_StudentId", x => x.StudentId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_enrollments_StudentId", "enrollments", "StudentId");

        migrationBuilder.CreateTable(
            name: "parent_links",
            columns: table => new
            {
                ParentId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                LinkedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_parent_links", x => new { x.ParentId, x.StudentId });
                table.ForeignKey("FK_parent_links_users_ParentId", x => x.ParentId, "users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_parent_links_users_StudentId", x => x.StudentId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_parent_links_StudentId", "parent_links", "StudentId");

        migrationBuilder.CreateTable(
            name: "parent_link_codes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                RedeemedAt = table.Column<DateTime>(nullable: true),
                RedeemedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_parent_link_codes", x => x.Id);
                table.ForeignKey("FK_parent_link_codes_users_StudentId", x => x.StudentId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_parent_link_codes_Code", "parent_link_codes", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_parent_link_codes_StudentId", "parent_link_codes", "StudentId");

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                EventType = table.Column<string>(maxLength: 64, nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                SubjectId = table.Column<Guid>(nullable: true),
                Detail = table.Column<string>(maxLength: 500, nullable: true),
                CorrelationId = table.Column<string>(maxLength: 64, nullable: true),
                IpAddress = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_entries", x => x.Id));
        migrationBuilder.CreateIndex("IX_audit_entries_OccurredAt", "audit_entries", "OccurredAt");
        migrationBuilder.CreateIndex("IX_audit_entries_SubjectId", "audit_entries", "SubjectId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "audit_entries", "parent_link_codes", "parent_links", "enrollments", "classrooms", "signing_keys", "refresh_tokens", "user_sessions", "users" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}

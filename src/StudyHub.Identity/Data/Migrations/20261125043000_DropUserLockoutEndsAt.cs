using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Identity.Data.Migrations;

/// <summary>Lockouts are kept per account and client address by the sign-in throttle; the account-wide column has been unused since.</summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261125043000_DropUserLockoutEndsAt")]
internal sealed class DropUserLockoutEndsAt : Migration
{
    // EF Core's DropColumn rebuilds the table on SQLite, which needs a target model these hand-written
    // migrations do not carry; this statement is the same on PostgreSQL and on SQLite (3.35 and later).
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE "users" DROP COLUMN "LockoutEndsAt";""");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "LockoutEndsAt", table: "users", nullable: true);
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Identity.Data.Migrations;

/// <summary>The weekly progress summary becomes its own opt-in preference: off for everyone until they ask for it.</summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261125050000_WeeklySummaryPreference")]
internal sealed class WeeklySummaryPreference : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>(name: "WeeklySummary", table: "users", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "WeeklySummary", table: "users");
}

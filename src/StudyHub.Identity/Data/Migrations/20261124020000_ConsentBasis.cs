using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Identity.Data.Migrations;

/// <summary>Who authorised a child's consent: a parent who declared being an adult, or the school.</summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261124020000_ConsentBasis")]
internal sealed class ConsentBasis : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "ParentalConsentBasis", table: "users", maxLength: 16, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "ParentalConsentBasis", table: "users");
}

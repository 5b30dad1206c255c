using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Identity.Data.Migrations;

/// <summary>Verified addresses and the one-time links sent by mail (verify address, reset password).</summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261124030000_MailLinks")]
internal sealed class MailLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "EmailVerifiedAt", table: "users", nullable: true);
        migrationBuilder.CreateTable(
            name: "account_tokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(maxLength: 32, nullable: false),
                SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_account_tokens", x => x.Id);
                table.ForeignKey("FK_account_tokens_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_account_tokens_UserId", "account_tokens", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "account_tokens");
        migrationBuilder.DropColumn(name: "EmailVerifiedAt", table: "users");
    }
}

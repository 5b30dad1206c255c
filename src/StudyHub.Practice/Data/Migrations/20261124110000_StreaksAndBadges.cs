using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Practice.Data.Migrations;

// Written by hand and provider-neutral (ADR 0001); the schema test proves it equals the model.
[DbContext(typeof(PracticeDbContext))]
[Migration("20261124110000_StreaksAndBadges")]
internal sealed class StreaksAndBadges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "practice_players",
            columns: table => new
            {
                StudentId = table.Column<Guid>(nullable: false),
                StreakDays = table.Column<int>(nullable: false),
                LongestStreakDays = table.Column<int>(nullable: false),
                LastPlayedOn = table.Column<DateOnly>(nullable: true),
                FreezesAvailable = table.Column<int>(nullable: false),
                TotalPoints = table.Column<int>(nullable: false),
                GamesCompleted = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_players", x => x.StudentId));

        migrationBuilder.CreateTable(
            name: "practice_badge_awards",
            columns: table => new
            {
                StudentId = table.Column<Guid>(nullable: false),
                BadgeId = table.Column<string>(maxLength: 32, nullable: false),
                AwardedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_badge_awards", x => new { x.StudentId, x.BadgeId }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("practice_badge_awards");
        migrationBuilder.DropTable("practice_players");
    }
}

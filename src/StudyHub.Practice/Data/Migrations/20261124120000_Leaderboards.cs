using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Practice.Data.Migrations;

// Written by hand and provider-neutral (ADR 0001); the schema test proves it equals the model.
[DbContext(typeof(PracticeDbContext))]
[Migration("20261124120000_Leaderboards")]
internal sealed class Leaderboards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "practice_leaderboard_scores",
            columns: table => new
            {
                PeriodKey = table.Column<string>(maxLength: 16, nullable: false),
                ScopeId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Total = table.Column<int>(nullable: false),
                ReachedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_leaderboard_scores", x => new { x.PeriodKey, x.ScopeId, x.StudentId }));

        migrationBuilder.CreateIndex(
            "IX_practice_leaderboard_scores_board_order", "practice_leaderboard_scores",
            ["PeriodKey", "ScopeId", "Total", "ReachedAt", "StudentId"], descending: [false, false, true, false, false]);
        migrationBuilder.CreateIndex("IX_practice_leaderboard_scores_StudentId", "practice_leaderboard_scores", "StudentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("practice_leaderboard_scores");
}

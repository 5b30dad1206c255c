using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Progress.Data.Migrations;

[DbContext(typeof(ProgressDbContext))]
[Migration("20261125010000_FlashcardMemoryXapiForwardingWeeklySummaries")]
internal sealed class FlashcardMemoryXapiForwardingWeeklySummaries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "progress_card_memory",
            columns: table => new
            {
                StudentId = table.Column<Guid>(nullable: false),
                CardId = table.Column<Guid>(nullable: false),
                SkillId = table.Column<string>(maxLength: 100, nullable: false),
                StabilityDays = table.Column<double>(nullable: false),
                ReviewedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_card_memory", x => new { x.StudentId, x.CardId }));

        migrationBuilder.CreateTable(
            name: "progress_xapi_forwarding",
            columns: table => new
            {
                Endpoint = table.Column<string>(maxLength: 500, nullable: false),
                LastOccurredAt = table.Column<DateTime>(nullable: false),
                LastId = table.Column<Guid>(nullable: false),
                Forwarded = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_xapi_forwarding", x => x.Endpoint));

        migrationBuilder.CreateTable(
            name: "progress_weekly_summaries",
            columns: table => new
            {
                ParentId = table.Column<Guid>(nullable: false),
                WeekEnding = table.Column<DateOnly>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
                Children = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_weekly_summaries", x => new { x.ParentId, x.WeekEnding }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("progress_weekly_summaries");
        migrationBuilder.DropTable("progress_xapi_forwarding");
        migrationBuilder.DropTable("progress_card_memory");
    }
}

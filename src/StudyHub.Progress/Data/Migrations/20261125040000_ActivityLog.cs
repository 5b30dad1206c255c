using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Progress.Data.Migrations;

/// <summary>Badges and uploads in the learning-event log, indexed by student and time and by time alone (whole-log reads).</summary>
[DbContext(typeof(ProgressDbContext))]
[Migration("20261125040000_ActivityLog")]
internal sealed class ActivityLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "progress_activity_log",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                ObjectId = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Count = table.Column<int>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_activity_log", x => x.Id));
        migrationBuilder.CreateIndex("IX_progress_activity_log_StudentId_OccurredAt", "progress_activity_log", ["StudentId", "OccurredAt"]);
        migrationBuilder.CreateIndex("IX_progress_activity_log_OccurredAt", "progress_activity_log", "OccurredAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("progress_activity_log");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Practice.Data.Migrations;

/// <summary>
/// The learning-event log by time alone: reading everyone's rows in time order (the LRS forwarding
/// job, an administrator's xAPI export) otherwise scans and sorts the whole log for each page.
/// </summary>
[DbContext(typeof(PracticeDbContext))]
[Migration("20261125040000_LearningEventsByTime")]
internal sealed class LearningEventsByTime : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_practice_learning_events_OccurredAt", "practice_learning_events", "OccurredAt");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_practice_learning_events_OccurredAt", "practice_learning_events");
}

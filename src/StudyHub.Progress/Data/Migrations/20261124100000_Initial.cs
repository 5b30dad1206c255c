using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Progress.Data.Migrations;

// Hand-written and provider-neutral (ADR 0001); the schema test compares it with the model on both providers.
[DbContext(typeof(ProgressDbContext))]
[Migration("20261124100000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "progress_skill_mastery",
            columns: table => new
            {
                StudentId = table.Column<Guid>(nullable: false),
                SkillId = table.Column<string>(maxLength: 100, nullable: false),
                PKnown = table.Column<double>(nullable: false),
                Evidence = table.Column<int>(nullable: false),
                CorrectEvidence = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                MasteredAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_skill_mastery", x => new { x.StudentId, x.SkillId }));

        migrationBuilder.CreateTable(
            name: "progress_mastery_history",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                SkillId = table.Column<string>(maxLength: 100, nullable: false),
                PKnown = table.Column<double>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_mastery_history", x => x.Id));
        migrationBuilder.CreateIndex(
            "IX_progress_mastery_history_StudentId_SkillId_RecordedAt", "progress_mastery_history", ["StudentId", "SkillId", "RecordedAt"]);

        migrationBuilder.CreateTable(
            name: "progress_question_results",
            columns: table => new
            {
                StudentId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                SkillId = table.Column<string>(maxLength: 100, nullable: false),
                GameSessionId = table.Column<Guid>(nullable: true),
                Correct = table.Column<bool>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                TimeTakenMs = table.Column<long>(nullable: false),
                TimeLimitMs = table.Column<long>(nullable: false),
                FirstAnsweredAt = table.Column<DateTime>(nullable: false),
                LastAnsweredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_question_results", x => new { x.StudentId, x.QuestionId }));
        migrationBuilder.CreateIndex(
            "IX_progress_question_results_StudentId_SkillId", "progress_question_results", ["StudentId", "SkillId"]);

        migrationBuilder.CreateTable(
            name: "progress_applied_events",
            columns: table => new
            {
                EventId = table.Column<Guid>(nullable: false),
                AppliedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_applied_events", x => x.EventId));

        migrationBuilder.CreateTable(
            name: "progress_skill_parameters",
            columns: table => new
            {
                SkillId = table.Column<string>(maxLength: 100, nullable: false),
                Prior = table.Column<double>(nullable: false),
                Learn = table.Column<double>(nullable: false),
                Guess = table.Column<double>(nullable: false),
                Slip = table.Column<double>(nullable: false),
                AnswerCount = table.Column<int>(nullable: false),
                FittedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_skill_parameters", x => x.SkillId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("progress_skill_parameters");
        migrationBuilder.DropTable("progress_applied_events");
        migrationBuilder.DropTable("progress_question_results");
        migrationBuilder.DropTable("progress_mastery_history");
        migrationBuilder.DropTable("progress_skill_mastery");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Practice.Data.Migrations;

// Written by hand and provider-neutral (ADR 0001); the schema test proves it equals the model.
// Every added column is nullable, so existing rows need no default.
[DbContext(typeof(PracticeDbContext))]
[Migration("20261125010000_TeacherReview")]
internal sealed class TeacherReview : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Misconception", table: "practice_questions", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "HiddenAt", table: "practice_questions", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "PointsVoidedAt", table: "practice_questions", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "EditedAt", table: "practice_questions", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "BoardsPostedAt", table: "practice_sessions", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Resolution", table: "practice_question_reports", maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "ResolvedBy", table: "practice_question_reports", nullable: true);
        migrationBuilder.CreateIndex("IX_practice_deliveries_QuestionId", "practice_deliveries", "QuestionId");

        migrationBuilder.CreateTable(
            name: "practice_voided_points",
            columns: table => new
            {
                QuestionId = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Points = table.Column<int>(nullable: false),
                VoidedAt = table.Column<DateTime>(nullable: false),
                Final = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_voided_points", x => new { x.QuestionId, x.SessionId });
                table.ForeignKey("FK_practice_voided_points_practice_questions_QuestionId", x => x.QuestionId, "practice_questions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_practice_voided_points_SessionId", "practice_voided_points", "SessionId");
        migrationBuilder.CreateIndex("IX_practice_voided_points_StudentId", "practice_voided_points", "StudentId");

        migrationBuilder.CreateTable(
            name: "practice_extended_time",
            columns: table => new
            {
                ClassroomId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Percent = table.Column<int>(nullable: false),
                SetBy = table.Column<Guid>(nullable: false),
                SetAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_extended_time", x => new { x.ClassroomId, x.StudentId }));
        migrationBuilder.CreateIndex("IX_practice_extended_time_StudentId", "practice_extended_time", "StudentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("practice_extended_time");
        migrationBuilder.DropTable("practice_voided_points");
        migrationBuilder.DropIndex("IX_practice_deliveries_QuestionId", "practice_deliveries");
        migrationBuilder.DropColumn("ResolvedBy", "practice_question_reports");
        migrationBuilder.DropColumn("Resolution", "practice_question_reports");
        migrationBuilder.DropColumn("BoardsPostedAt", "practice_sessions");
        migrationBuilder.DropColumn("EditedAt", "practice_questions");
        migrationBuilder.DropColumn("PointsVoidedAt", "practice_questions");
        migrationBuilder.DropColumn("HiddenAt", "practice_questions");
        migrationBuilder.DropColumn("Misconception", "practice_questions");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Practice.Data.Migrations;

// Written by hand and provider-neutral (ADR 0001); the schema test proves it equals the model.
[DbContext(typeof(PracticeDbContext))]
[Migration("20261124140000_QuestionReports")]
internal sealed class QuestionReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "practice_question_reports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                GameId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(maxLength: 16, nullable: false),
                Comment = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ResolvedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_question_reports", x => x.Id);
                table.ForeignKey("FK_practice_question_reports_practice_questions_QuestionId", x => x.QuestionId, "practice_questions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_practice_question_reports_GameId_ResolvedAt", "practice_question_reports", ["GameId", "ResolvedAt"]);
        migrationBuilder.CreateIndex("IX_practice_question_reports_QuestionId_StudentId", "practice_question_reports", ["QuestionId", "StudentId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("practice_question_reports");
}

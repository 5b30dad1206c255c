using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Practice.Data.Migrations;

// Written by hand and provider-neutral (ADR 0001); the schema test proves it equals the model.
[DbContext(typeof(PracticeDbContext))]
[Migration("20261124100000_Games")]
internal sealed class Games : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "practice_games",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                SkillId = table.Column<string>(maxLength: 100, nullable: true),
                HomeworkId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_games", x => x.Id));
        migrationBuilder.CreateIndex("IX_practice_games_OwnerId", "practice_games", "OwnerId");

        migrationBuilder.CreateTable(
            name: "practice_questions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                GameId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Type = table.Column<string>(maxLength: 32, nullable: false),
                SkillId = table.Column<string>(maxLength: 100, nullable: false),
                Prompt = table.Column<string>(maxLength: 2000, nullable: false),
                Problem = table.Column<string>(maxLength: 2000, nullable: true),
                OptionsJson = table.Column<string>(maxLength: 8000, nullable: false),
                AnswerKey = table.Column<string>(maxLength: 500, nullable: false),
                AnswerText = table.Column<string>(maxLength: 500, nullable: false),
                Explanation = table.Column<string>(maxLength: 8000, nullable: false),
                MisconceptionsJson = table.Column<string>(maxLength: 8000, nullable: false),
                HintsJson = table.Column<string>(maxLength: 8000, nullable: false),
                TimeLimitSeconds = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_questions", x => x.Id);
                table.ForeignKey("FK_practice_questions_practice_games_GameId", x => x.GameId, "practice_games", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_practice_questions_GameId_Position", "practice_questions", ["GameId", "Position"], unique: true);

        migrationBuilder.CreateTable(
            name: "practice_sessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                GameId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastActivityAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                ExtendedTimePercent = table.Column<int>(nullable: false),
                Score = table.Column<int>(nullable: false),
                AnswerStreak = table.Column<int>(nullable: false),
                QuestionsRight = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_sessions", x => x.Id);
                table.ForeignKey("FK_practice_sessions_practice_games_GameId", x => x.GameId, "practice_games", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_practice_sessions_GameId", "practice_sessions", "GameId");
        migrationBuilder.CreateIndex("IX_practice_sessions_StudentId_CreatedAt", "practice_sessions", ["StudentId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "practice_deliveries",
            columns: table => new
            {
                SessionId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                FirstDeliveredAt = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                HintsUsed = table.Column<int>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                AnsweredRight = table.Column<bool>(nullable: false),
                Points = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_deliveries", x => new { x.SessionId, x.QuestionId });
                table.ForeignKey("FK_practice_deliveries_practice_sessions_SessionId", x => x.SessionId, "practice_sessions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "practice_attempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Answer = table.Column<string>(maxLength: 500, nullable: false),
                FractionPermille = table.Column<int>(nullable: false),
                Points = table.Column<int>(nullable: false),
                TimeTakenMs = table.Column<int>(nullable: false),
                TimeLimitMs = table.Column<int>(nullable: false),
                HintsUsed = table.Column<int>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_attempts", x => x.Id);
                table.ForeignKey("FK_practice_attempts_practice_sessions_SessionId", x => x.SessionId, "practice_sessions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_practice_attempts_SessionId_QuestionId_Number", "practice_attempts", ["SessionId", "QuestionId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "practice_idempotency",
            columns: table => new
            {
                StudentId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                ResponseJson = table.Column<string>(maxLength: 16000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_idempotency", x => new { x.StudentId, x.Key }));

        migrationBuilder.CreateTable(
            name: "practice_learning_events",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                SessionId = table.Column<Guid>(nullable: true),
                QuestionId = table.Column<Guid>(nullable: true),
                SkillId = table.Column<string>(maxLength: 100, nullable: true),
                Correct = table.Column<bool>(nullable: true),
                Attempt = table.Column<int>(nullable: false),
                HintsUsed = table.Column<int>(nullable: false),
                TimeTakenMs = table.Column<int>(nullable: true),
                TimeLimitMs = table.Column<int>(nullable: true),
                Points = table.Column<int>(nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_learning_events", x => x.Id));
        migrationBuilder.CreateIndex("IX_practice_learning_events_StudentId_OccurredAt", "practice_learning_events", ["StudentId", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("practice_learning_events");
        migrationBuilder.DropTable("practice_idempotency");
        migrationBuilder.DropTable("practice_attempts");
        migrationBuilder.DropTable("practice_deliveries");
        migrationBuilder.DropTable("practice_sessions");
        migrationBuilder.DropTable("practice_questions");
        migrationBuilder.DropTable("practice_games");
    }
}

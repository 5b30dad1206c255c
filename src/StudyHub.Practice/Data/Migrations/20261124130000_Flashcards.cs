using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Practice.Data.Migrations;

// Written by hand and provider-neutral (ADR 0001); the schema test proves it equals the model.
[DbContext(typeof(PracticeDbContext))]
[Migration("20261124130000_Flashcards")]
internal sealed class Flashcards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "practice_flashcard_decks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                HomeworkId = table.Column<Guid>(nullable: true),
                SkillId = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_practice_flashcard_decks", x => x.Id));
        migrationBuilder.CreateIndex("IX_practice_flashcard_decks_StudentId", "practice_flashcard_decks", "StudentId");

        migrationBuilder.CreateTable(
            name: "practice_flashcards",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DeckId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Front = table.Column<string>(maxLength: 2000, nullable: false),
                Back = table.Column<string>(maxLength: 2000, nullable: false),
                SkillId = table.Column<string>(maxLength: 100, nullable: true),
                Stability = table.Column<double>(nullable: true),
                Difficulty = table.Column<double>(nullable: true),
                LastReviewedAt = table.Column<DateTime>(nullable: true),
                DueAt = table.Column<DateTime>(nullable: false),
                Reviews = table.Column<int>(nullable: false),
                Lapses = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_flashcards", x => x.Id);
                table.ForeignKey("FK_practice_flashcards_practice_flashcard_decks_DeckId", x => x.DeckId, "practice_flashcard_decks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_practice_flashcards_DeckId", "practice_flashcards", "DeckId");
        migrationBuilder.CreateIndex("IX_practice_flashcards_StudentId_DueAt", "practice_flashcards", ["StudentId", "DueAt"]);

        migrationBuilder.CreateTable(
            name: "practice_flashcard_reviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CardId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Rating = table.Column<string>(maxLength: 8, nullable: false),
                Stability = table.Column<double>(nullable: false),
                Difficulty = table.Column<double>(nullable: false),
                IntervalDays = table.Column<int>(nullable: false),
                Points = table.Column<int>(nullable: false),
                ReviewedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_practice_flashcard_reviews", x => x.Id);
                table.ForeignKey("FK_practice_flashcard_reviews_practice_flashcards_CardId", x => x.CardId, "practice_flashcards", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_practice_flashcard_reviews_CardId_Number", "practice_flashcard_reviews", ["CardId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_practice_flashcard_reviews_StudentId_ReviewedAt", "practice_flashcard_reviews", ["StudentId", "ReviewedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("practice_flashcard_reviews");
        migrationBuilder.DropTable("practice_flashcards");
        migrationBuilder.DropTable("practice_flashcard_decks");
    }
}

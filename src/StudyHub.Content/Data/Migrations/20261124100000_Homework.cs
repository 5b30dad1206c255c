using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Content.Data.Migrations;

// Written by hand and provider-neutral (ADR 0001): column types come from the CLR types, so each
// provider makes its own DDL; the schema test compares the result with the model on both.
[DbContext(typeof(ContentDbContext))]
[Migration("20261124100000_Homework")]
internal sealed class HomeworkTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "homework",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Status = table.Column<string>(maxLength: 24, nullable: false),
                FailureReason = table.Column<string>(maxLength: 500, nullable: true),
                FailureCode = table.Column<string>(maxLength: 64, nullable: true),
                Progress = table.Column<int>(nullable: false),
                ProgressMessage = table.Column<string>(maxLength: 200, nullable: false),
                Subject = table.Column<string>(maxLength: 40, nullable: true),
                StoredBytes = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_homework", x => x.Id));
        migrationBuilder.CreateIndex("IX_homework_OwnerId_CreatedAt", "homework", ["OwnerId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "homework_files",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                HomeworkId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                StorageKey = table.Column<string>(maxLength: 300, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Format = table.Column<string>(maxLength: 16, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_homework_files", x => x.Id);
                table.ForeignKey("FK_homework_files_homework_HomeworkId", x => x.HomeworkId, "homework", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_homework_files_HomeworkId", "homework_files", "HomeworkId");

        migrationBuilder.CreateTable(
            name: "homework_pages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                HomeworkId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
                OcrConfidence = table.Column<double>(nullable: true),
                Method = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_homework_pages", x => x.Id);
                table.ForeignKey("FK_homework_pages_homework_HomeworkId", x => x.HomeworkId, "homework", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_homework_pages_HomeworkId_Number", "homework_pages", ["HomeworkId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "homework_problems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                HomeworkId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Page = table.Column<int>(nullable: false),
                Label = table.Column<string>(maxLength: 40, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                Instruction = table.Column<string>(maxLength: 500, nullable: true),
                Confidence = table.Column<double>(nullable: false),
                Subject = table.Column<string>(maxLength: 40, nullable: false),
                SkillId = table.Column<string>(maxLength: 80, nullable: true),
                AnswerExact = table.Column<string>(maxLength: 500, nullable: true),
                AnswerDecimal = table.Column<string>(maxLength: 500, nullable: true),
                NoAnswerKeyReason = table.Column<string>(maxLength: 300, nullable: true),
                CorrectedByStudent = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_homework_problems", x => x.Id);
                table.ForeignKey("FK_homework_problems_homework_HomeworkId", x => x.HomeworkId, "homework", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_homework_problems_HomeworkId_Position", "homework_problems", ["HomeworkId", "Position"], unique: true);

        migrationBuilder.CreateTable(
            name: "homework_chunks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                HomeworkId = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Page = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_homework_chunks", x => x.Id);
                table.ForeignKey("FK_homework_chunks_homework_HomeworkId", x => x.HomeworkId, "homework", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_homework_chunks_HomeworkId", "homework_chunks", "HomeworkId");
        migrationBuilder.CreateIndex("IX_homework_chunks_OwnerId", "homework_chunks", "OwnerId");

        // The full-text index is each provider's own (ADR 0001 allows provider SQL for what has no
        // neutral form); every object is named "fts" so the schema test can leave it out.
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""ALTER TABLE homework_chunks ADD COLUMN fts_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', "Text")) STORED;""");
            migrationBuilder.Sql("CREATE INDEX \"IX_homework_chunks_fts\" ON homework_chunks USING GIN (fts_vector);");
        }
        else
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE homework_chunks_fts USING fts5(chunk_id UNINDEXED, text, tokenize = 'porter unicode61');");
            migrationBuilder.Sql("""CREATE TRIGGER homework_chunks_fts_insert AFTER INSERT ON homework_chunks BEGIN INSERT INTO homework_chunks_fts(chunk_id, text) VALUES (new."Id", new."Text"); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER homework_chunks_fts_delete AFTER DELETE ON homework_chunks BEGIN DELETE FROM homework_chunks_fts WHERE chunk_id = old."Id"; END;""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS homework_chunks_fts;");
        }

        migrationBuilder.DropTable("homework_chunks");
        migrationBuilder.DropTable("homework_problems");
        migrationBuilder.DropTable("homework_pages");
        migrationBuilder.DropTable("homework_files");
        migrationBuilder.DropTable("homework");
    }
}

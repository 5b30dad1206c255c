using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Progress.Data.Migrations;

[DbContext(typeof(ProgressDbContext))]
[Migration("20261124200000_Assignments")]
internal sealed class Assignments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "progress_assignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClassroomId = table.Column<Guid>(nullable: false),
                TeacherId = table.Column<Guid>(nullable: false),
                GameId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_progress_assignments", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_progress_assignments_ClassroomId_DueAt", table: "progress_assignments", columns: ["ClassroomId", "DueAt"]);

        migrationBuilder.CreateTable(
            name: "progress_assignment_students",
            columns: table => new
            {
                AssignmentId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_progress_assignment_students", x => new { x.AssignmentId, x.StudentId });
                table.ForeignKey(
                    name: "FK_progress_assignment_students_progress_assignments_AssignmentId",
                    column: x => x.AssignmentId,
                    principalTable: "progress_assignments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("progress_assignment_students");
        migrationBuilder.DropTable("progress_assignments");
    }
}

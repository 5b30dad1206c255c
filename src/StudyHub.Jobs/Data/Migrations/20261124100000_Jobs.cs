using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Jobs.Data.Migrations;

[DbContext(typeof(JobsDbContext))]
[Migration("20261124100000_Jobs")]
internal sealed class Jobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "jobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                Payload = table.Column<string>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                MaxAttempts = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NextRunAt = table.Column<DateTime>(nullable: false),
                LeaseExpiresAt = table.Column<DateTime>(nullable: true),
                LeasedBy = table.Column<string>(maxLength: 100, nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                Progress = table.Column<int>(nullable: false),
                ProgressMessage = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_jobs", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_jobs_State_NextRunAt", table: "jobs", columns: ["State", "NextRunAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("jobs");
}

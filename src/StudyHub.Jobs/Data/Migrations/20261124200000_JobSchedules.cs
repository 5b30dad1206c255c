using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StudyHub.Jobs.Data.Migrations;

[DbContext(typeof(JobsDbContext))]
[Migration("20261124200000_JobSchedules")]
internal sealed class JobSchedules : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "job_schedules",
            columns: table => new
            {
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                NextRunAt = table.Column<DateTime>(nullable: false),
                LastJobId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_job_schedules", x => x.Kind));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("job_schedules");
}

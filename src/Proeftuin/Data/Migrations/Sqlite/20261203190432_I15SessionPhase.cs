using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15SessionPhase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Phase",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            // Sessions held before this column: the phase the project was in when they started (its last phase change
            // before then), else the phase it is in now. Their post-its and stippen then count in that phase's balance.
            migrationBuilder.Sql("""
                UPDATE "Sessions" SET "Phase" = COALESCE(
                    (SELECT t."ToPhase" FROM "PhaseTransitions" t
                     WHERE t."ProjectId" = "Sessions"."ProjectId" AND t."At" <= "Sessions"."StartedAt"
                     ORDER BY t."At" DESC, t."Id" DESC LIMIT 1),
                    (SELECT p."Phase" FROM "Projects" p WHERE p."Id" = "Sessions"."ProjectId"))
                WHERE "StartedAt" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Phase",
                table: "Sessions");
        }
    }
}

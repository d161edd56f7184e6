using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I12Perf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Kind_CreatedAt_Id",
                table: "Items",
                columns: new[] { "ProjectId", "Kind", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId",
                table: "Items",
                columns: new[] { "ProjectId", "Kind", "WithdrawnAt", "Scope", "TellerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind_CreatedAt_Id",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Kind",
                table: "Items",
                columns: new[] { "ProjectId", "Kind" });
        }
    }
}

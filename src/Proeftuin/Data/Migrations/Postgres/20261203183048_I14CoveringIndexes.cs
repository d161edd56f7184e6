using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I14CoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Phase_Kind_KnowledgeSource_WithdrawnAt",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId_HiddenAt",
                table: "Items",
                columns: new[] { "ProjectId", "Kind", "WithdrawnAt", "Scope", "TellerId", "HiddenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Phase_Kind_KnowledgeSource_WithdrawnAt_Hidd~",
                table: "Items",
                columns: new[] { "ProjectId", "Phase", "Kind", "KnowledgeSource", "WithdrawnAt", "HiddenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId_HiddenAt",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Phase_Kind_KnowledgeSource_WithdrawnAt_Hidd~",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId",
                table: "Items",
                columns: new[] { "ProjectId", "Kind", "WithdrawnAt", "Scope", "TellerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Phase_Kind_KnowledgeSource_WithdrawnAt",
                table: "Items",
                columns: new[] { "ProjectId", "Phase", "Kind", "KnowledgeSource", "WithdrawnAt" });
        }
    }
}

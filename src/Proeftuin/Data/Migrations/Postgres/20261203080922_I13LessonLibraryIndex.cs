using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I13LessonLibraryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_LessonVisibility_CreatedAt",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_LessonLibrary",
                table: "Items",
                columns: new[] { "LessonVisibility", "CreatedAt", "Kind", "ProjectId", "Phase", "LessonResult", "LessonDomains" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_LessonLibrary",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_LessonVisibility_CreatedAt",
                table: "Items",
                columns: new[] { "LessonVisibility", "CreatedAt" });
        }
    }
}

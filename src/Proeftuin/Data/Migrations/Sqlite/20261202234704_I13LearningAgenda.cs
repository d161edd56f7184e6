using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I13LearningAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BarrierOutcome",
                table: "Items",
                type: "TEXT",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BarrierOutcomeHtml",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BarrierOwnerId",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BarrierStatus",
                table: "Items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BarrierWhoCanMove",
                table: "Items",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningAnswer",
                table: "Items",
                type: "TEXT",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningAnswerHtml",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LearningDueOn",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningForWhom",
                table: "Items",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningOwnerId",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LearningStatus",
                table: "Items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaVersions_AspNetUsers_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AgendaVersions_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaVersions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_BarrierOwnerId",
                table: "Items",
                column: "BarrierOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Items_LearningOwnerId",
                table: "Items",
                column: "LearningOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaVersions_ChangedById",
                table: "AgendaVersions",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaVersions_ItemId_Number",
                table: "AgendaVersions",
                columns: new[] { "ItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaVersions_OwnerId",
                table: "AgendaVersions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaVersions_ProjectId",
                table: "AgendaVersions",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaVersions");

            migrationBuilder.DropIndex(
                name: "IX_Items_BarrierOwnerId",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_LearningOwnerId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "BarrierOutcome",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "BarrierOutcomeHtml",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "BarrierOwnerId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "BarrierStatus",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "BarrierWhoCanMove",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LearningAnswer",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LearningAnswerHtml",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LearningDueOn",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LearningForWhom",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LearningOwnerId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LearningStatus",
                table: "Items");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
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
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BarrierOutcomeHtml",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BarrierOwnerId",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BarrierStatus",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BarrierWhoCanMove",
                table: "Items",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningAnswer",
                table: "Items",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningAnswerHtml",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LearningDueOn",
                table: "Items",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningForWhom",
                table: "Items",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningOwnerId",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LearningStatus",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    Answer = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ChangedById = table.Column<string>(type: "text", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

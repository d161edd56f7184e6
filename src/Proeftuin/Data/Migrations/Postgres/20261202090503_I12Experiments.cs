using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I12Experiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DecisionBackToPhase",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DecisionBrilliantFailure",
                table: "Items",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DecisionChoice",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DecisionExperimentId",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionFailureTaught",
                table: "Items",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionWhatChanges",
                table: "Items",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExperimentEndedAt",
                table: "Items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExperimentEndsOn",
                table: "Items",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExperimentMeasurementPlan",
                table: "Items",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExperimentMeasurementPlanHtml",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExperimentParticipantCount",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExperimentParticipantsWho",
                table: "Items",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExperimentPlace",
                table: "Items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExperimentPrototypeId",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExperimentRecruitment",
                table: "Items",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExperimentSafety",
                table: "Items",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExperimentSafetyHtml",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExperimentStartedAt",
                table: "Items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExperimentStartsOn",
                table: "Items",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExperimentStatus",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ObservationCriterionId",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ObservationExperimentId",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ObservationObservedOn",
                table: "Items",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExperimentCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExperimentId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Measure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Threshold = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Result = table.Column<int>(type: "integer", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    ResultAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultById = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentCriteria_AspNetUsers_ResultById",
                        column: x => x.ResultById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExperimentCriteria_Items_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentRuleExceptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExperimentId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentRuleExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentRuleExceptions_Items_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExperimentId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentMeasurements_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExperimentMeasurements_ExperimentCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "ExperimentCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExperimentMeasurements_Items_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_DecisionExperimentId",
                table: "Items",
                column: "DecisionExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ExperimentPrototypeId",
                table: "Items",
                column: "ExperimentPrototypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ObservationExperimentId",
                table: "Items",
                column: "ObservationExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCriteria_ExperimentId_Position",
                table: "ExperimentCriteria",
                columns: new[] { "ExperimentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCriteria_ResultById",
                table: "ExperimentCriteria",
                column: "ResultById");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentMeasurements_AuthorId",
                table: "ExperimentMeasurements",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentMeasurements_CriterionId",
                table: "ExperimentMeasurements",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentMeasurements_ExperimentId_MeasuredOn",
                table: "ExperimentMeasurements",
                columns: new[] { "ExperimentId", "MeasuredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentRuleExceptions_ExperimentId_Position",
                table: "ExperimentRuleExceptions",
                columns: new[] { "ExperimentId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperimentMeasurements");

            migrationBuilder.DropTable(
                name: "ExperimentRuleExceptions");

            migrationBuilder.DropTable(
                name: "ExperimentCriteria");

            migrationBuilder.DropIndex(
                name: "IX_Items_DecisionExperimentId",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_ExperimentPrototypeId",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_ObservationExperimentId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "DecisionBackToPhase",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "DecisionBrilliantFailure",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "DecisionChoice",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "DecisionExperimentId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "DecisionFailureTaught",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "DecisionWhatChanges",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentEndedAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentEndsOn",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentMeasurementPlan",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentMeasurementPlanHtml",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentParticipantCount",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentParticipantsWho",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentPlace",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentPrototypeId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentRecruitment",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentSafety",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentSafetyHtml",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentStartedAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentStartsOn",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ExperimentStatus",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ObservationCriterionId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ObservationExperimentId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ObservationObservedOn",
                table: "Items");
        }
    }
}

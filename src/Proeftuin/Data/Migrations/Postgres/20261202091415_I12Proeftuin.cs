using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I12Proeftuin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind",
                table: "Items");

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

            migrationBuilder.AddColumn<string>(
                name: "ForWhom",
                table: "Items",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IdeaStatus",
                table: "Items",
                type: "integer",
                nullable: true,
                defaultValue: 0);

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

            migrationBuilder.AddColumn<int>(
                name: "PrototypeForm",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assumptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrototypeId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Risk = table.Column<int>(type: "integer", nullable: false),
                    Certainty = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assumptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assumptions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Assumptions_Items_PrototypeId",
                        column: x => x.PrototypeId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IdeaStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<int>(type: "integer", nullable: false),
                    ToStatus = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaStatusChanges_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IdeaStatusChanges_Items_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaStatusChanges_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaSupports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Perspective = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IdeaSupports_Items_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaSupports_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrototypeAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrototypeId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: true),
                    Height = table.Column<int>(type: "integer", nullable: true),
                    AltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrototypeAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrototypeAttachments_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PrototypeAttachments_Items_PrototypeId",
                        column: x => x.PrototypeId,
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
                name: "IX_Items_ProjectId_Kind_CreatedAt_Id",
                table: "Items",
                columns: new[] { "ProjectId", "Kind", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId",
                table: "Items",
                columns: new[] { "ProjectId", "Kind", "WithdrawnAt", "Scope", "TellerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assumptions_AuthorId",
                table: "Assumptions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Assumptions_PrototypeId",
                table: "Assumptions",
                column: "PrototypeId");

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

            migrationBuilder.CreateIndex(
                name: "IX_IdeaStatusChanges_ByUserId",
                table: "IdeaStatusChanges",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaStatusChanges_IdeaId_At",
                table: "IdeaStatusChanges",
                columns: new[] { "IdeaId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaStatusChanges_ProjectId",
                table: "IdeaStatusChanges",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupports_IdeaId_UserId",
                table: "IdeaSupports",
                columns: new[] { "IdeaId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupports_ProjectId",
                table: "IdeaSupports",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupports_UserId",
                table: "IdeaSupports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PrototypeAttachments_PrototypeId",
                table: "PrototypeAttachments",
                column: "PrototypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PrototypeAttachments_UploadedById",
                table: "PrototypeAttachments",
                column: "UploadedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assumptions");

            migrationBuilder.DropTable(
                name: "ExperimentMeasurements");

            migrationBuilder.DropTable(
                name: "ExperimentRuleExceptions");

            migrationBuilder.DropTable(
                name: "IdeaStatusChanges");

            migrationBuilder.DropTable(
                name: "IdeaSupports");

            migrationBuilder.DropTable(
                name: "PrototypeAttachments");

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

            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind_CreatedAt_Id",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_Kind_WithdrawnAt_Scope_TellerId",
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
                name: "ForWhom",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "IdeaStatus",
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

            migrationBuilder.DropColumn(
                name: "PrototypeForm",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_Kind",
                table: "Items",
                columns: new[] { "ProjectId", "Kind" });
        }
    }
}

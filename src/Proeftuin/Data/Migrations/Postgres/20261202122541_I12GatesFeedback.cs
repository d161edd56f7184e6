using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I12GatesFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    ExperimentId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Intro = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ShareToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    SlipsRequired = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackForms_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FeedbackForms_Items_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackForms_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    FromPhase = table.Column<int>(type: "integer", nullable: false),
                    ToPhase = table.Column<int>(type: "integer", nullable: true),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WhatChanges = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PhaseTransitionId = table.Column<int>(type: "integer", nullable: true),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateDecisions_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateDecisions_PhaseTransitions_PhaseTransitionId",
                        column: x => x.PhaseTransitionId,
                        principalTable: "PhaseTransitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateDecisions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Options = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackQuestions_FeedbackForms_FormId",
                        column: x => x.FormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSlips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSlips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackSlips_FeedbackForms_FormId",
                        column: x => x.FormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateAdviceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    ProposedVerdict = table.Column<int>(type: "integer", nullable: false),
                    FromPhase = table.Column<int>(type: "integer", nullable: false),
                    ProposedPhase = table.Column<int>(type: "integer", nullable: true),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AskedByUserId = table.Column<string>(type: "text", nullable: true),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GateDecisionId = table.Column<int>(type: "integer", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateAdviceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateAdviceRequests_AspNetUsers_AskedByUserId",
                        column: x => x.AskedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateAdviceRequests_GateDecisions_GateDecisionId",
                        column: x => x.GateDecisionId,
                        principalTable: "GateDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateAdviceRequests_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Perspective = table.Column<int>(type: "integer", nullable: true),
                    SlipId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_FeedbackForms_FormId",
                        column: x => x.FormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_FeedbackSlips_SlipId",
                        column: x => x.SlipId,
                        principalTable: "FeedbackSlips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GateAdvice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    EvaluatorId = table.Column<string>(type: "text", nullable: true),
                    Recommendation = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateAdvice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateAdvice_AspNetUsers_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateAdvice_GateAdviceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "GateAdviceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackAnswers_FeedbackQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "FeedbackQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackAnswers_FeedbackResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FeedbackResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<int>(type: "integer", nullable: false),
                    ObservationId = table.Column<int>(type: "integer", nullable: false),
                    LinkedById = table.Column<string>(type: "text", nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackEvidence_AspNetUsers_LinkedById",
                        column: x => x.LinkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FeedbackEvidence_FeedbackResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FeedbackResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackEvidence_Items_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnswers_QuestionId",
                table: "FeedbackAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnswers_ResponseId",
                table: "FeedbackAnswers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackEvidence_LinkedById",
                table: "FeedbackEvidence",
                column: "LinkedById");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackEvidence_ObservationId",
                table: "FeedbackEvidence",
                column: "ObservationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackEvidence_ResponseId_ObservationId",
                table: "FeedbackEvidence",
                columns: new[] { "ResponseId", "ObservationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_CreatedById",
                table: "FeedbackForms",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_ExperimentId",
                table: "FeedbackForms",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_ProjectId",
                table: "FeedbackForms",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_ShareToken",
                table: "FeedbackForms",
                column: "ShareToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackQuestions_FormId_Position",
                table: "FeedbackQuestions",
                columns: new[] { "FormId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_FormId_SubmittedAt",
                table: "FeedbackResponses",
                columns: new[] { "FormId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_SlipId",
                table: "FeedbackResponses",
                column: "SlipId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSlips_FormId_Code",
                table: "FeedbackSlips",
                columns: new[] { "FormId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GateAdvice_EvaluatorId",
                table: "GateAdvice",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_GateAdvice_RequestId_EvaluatorId",
                table: "GateAdvice",
                columns: new[] { "RequestId", "EvaluatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GateAdviceRequests_AskedByUserId",
                table: "GateAdviceRequests",
                column: "AskedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GateAdviceRequests_GateDecisionId",
                table: "GateAdviceRequests",
                column: "GateDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateAdviceRequests_ProjectId_ClosedAt",
                table: "GateAdviceRequests",
                columns: new[] { "ProjectId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_ByUserId",
                table: "GateDecisions",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_PhaseTransitionId",
                table: "GateDecisions",
                column: "PhaseTransitionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_ProjectId_At",
                table: "GateDecisions",
                columns: new[] { "ProjectId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackAnswers");

            migrationBuilder.DropTable(
                name: "FeedbackEvidence");

            migrationBuilder.DropTable(
                name: "GateAdvice");

            migrationBuilder.DropTable(
                name: "FeedbackQuestions");

            migrationBuilder.DropTable(
                name: "FeedbackResponses");

            migrationBuilder.DropTable(
                name: "GateAdviceRequests");

            migrationBuilder.DropTable(
                name: "FeedbackSlips");

            migrationBuilder.DropTable(
                name: "GateDecisions");

            migrationBuilder.DropTable(
                name: "FeedbackForms");
        }
    }
}

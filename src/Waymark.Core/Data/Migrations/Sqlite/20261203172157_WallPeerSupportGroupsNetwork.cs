using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WallPeerSupportGroupsNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_session",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    AttendedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_session", x => x.Id);
                    table.ForeignKey(
                        name: "FK_group_session_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisation_link",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AgreedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_link", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organisation_link_organization_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_organisation_link_organization_ProposerId",
                        column: x => x.ProposerId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_assignment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OverrideId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_assignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_assignment_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_assignment_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_break",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_break", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_break_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_break_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_check_in",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ProtectedText = table.Column<string>(type: "TEXT", nullable: false),
                    SharedWithSupervisor = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_check_in", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_check_in_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_check_in_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_debrief",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueBy = table.Column<long>(type: "INTEGER", nullable: false),
                    AskedBySelf = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HeldWithUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_debrief", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_debrief_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_debrief_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_load_warning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_load_warning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_load_warning_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_load_warning_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_override",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_override", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_override_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_override_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProtectedNote = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_supervision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_supervision_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_supervision_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_supervisor",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NamedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_supervisor", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_supervisor_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_supervisor_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_support_settings",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DayCapMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekCapMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseloadLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionEveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    InactiveDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredCourses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_support_settings", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_peer_support_settings_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Course = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_training", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_training_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_training_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_work",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_work", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_work_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_work_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_message",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProtectedText = table.Column<string>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_message", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_message_referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referring_organisation",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referring_organisation", x => x.ReferralId);
                    table.ForeignKey(
                        name: "FK_referring_organisation_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_referring_organisation_referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shared_offer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AvailableTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PostedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_offer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shared_offer_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wall_item",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScreenedOutcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Matches = table.Column<string>(type: "TEXT", nullable: false),
                    ContentWarning = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PrivateReply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wall_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wall_item_account_user_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_wall_item_wall_item_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "wall_item",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wall_member",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContentWarnings = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MutedWords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BreakUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wall_member", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_wall_member_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_facilitator",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_facilitator", x => x.Id);
                    table.ForeignKey(
                        name: "FK_group_facilitator_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_group_facilitator_group_session_SessionId",
                        column: x => x.SessionId,
                        principalTable: "group_session",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "offer_request",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offer_request", x => x.Id);
                    table.ForeignKey(
                        name: "FK_offer_request_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_offer_request_shared_offer_OfferId",
                        column: x => x.OfferId,
                        principalTable: "shared_offer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wall_flag",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wall_flag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wall_flag_wall_item_ItemId",
                        column: x => x.ItemId,
                        principalTable: "wall_item",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wall_reaction",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wall_reaction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wall_reaction_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_wall_reaction_wall_item_ItemId",
                        column: x => x.ItemId,
                        principalTable: "wall_item",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "account_role",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { new Guid("d2c314b3-b11f-5991-9c5b-196aee026745"), "d2c314b3-b11f-5991-9c5b-196aee026745", "peer-supporter", "PEER-SUPPORTER" });

            migrationBuilder.CreateIndex(
                name: "IX_group_facilitator_SessionId_UserId",
                table: "group_facilitator",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_group_facilitator_UserId",
                table: "group_facilitator",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_group_session_ServiceId_StartsAt",
                table: "group_session",
                columns: new[] { "ServiceId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_offer_request_OfferId",
                table: "offer_request",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_offer_request_OrganisationId",
                table: "offer_request",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_link_PartnerId",
                table: "organisation_link",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_link_ProposerId",
                table: "organisation_link",
                column: "ProposerId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_assignment_Kind_SubjectId",
                table: "peer_assignment",
                columns: new[] { "Kind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_assignment_OrganisationId",
                table: "peer_assignment",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_assignment_UserId_OrganisationId",
                table: "peer_assignment",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_break_OrganisationId",
                table: "peer_break",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_break_UserId_OrganisationId",
                table: "peer_break",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_check_in_OrganisationId",
                table: "peer_check_in",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_check_in_UserId_OrganisationId",
                table: "peer_check_in",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_debrief_OrganisationId",
                table: "peer_debrief",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_debrief_UserId_OrganisationId",
                table: "peer_debrief",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_load_warning_OrganisationId",
                table: "peer_load_warning",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_load_warning_UserId_OrganisationId",
                table: "peer_load_warning",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_override_OrganisationId",
                table: "peer_override",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_override_UserId_OrganisationId",
                table: "peer_override",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_supervision_OrganisationId",
                table: "peer_supervision",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_supervision_UserId_OrganisationId",
                table: "peer_supervision",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_supervisor_OrganisationId_UserId",
                table: "peer_supervisor",
                columns: new[] { "OrganisationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_peer_supervisor_UserId_OrganisationId",
                table: "peer_supervisor",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_training_OrganisationId",
                table: "peer_training",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_training_UserId_OrganisationId",
                table: "peer_training",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_work_OrganisationId",
                table: "peer_work",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_work_UserId_OrganisationId",
                table: "peer_work",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_peer_work_UserId_OrganisationId_StartedAt",
                table: "peer_work",
                columns: new[] { "UserId", "OrganisationId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referral_message_ReferralId",
                table: "referral_message",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_referring_organisation_FromServiceId",
                table: "referring_organisation",
                column: "FromServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_referring_organisation_OrganisationId",
                table: "referring_organisation",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_shared_offer_OrganisationId",
                table: "shared_offer",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_shared_offer_Status_ExpiresOn",
                table: "shared_offer",
                columns: new[] { "Status", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_wall_flag_ItemId_ReporterKey",
                table: "wall_flag",
                columns: new[] { "ItemId", "ReporterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wall_item_AuthorId",
                table: "wall_item",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_wall_item_Kind_Topic_Status_CreatedAt",
                table: "wall_item",
                columns: new[] { "Kind", "Topic", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wall_item_Status_CreatedAt",
                table: "wall_item",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wall_item_ThreadId",
                table: "wall_item",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_wall_reaction_ItemId_UserId",
                table: "wall_reaction",
                columns: new[] { "ItemId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wall_reaction_UserId",
                table: "wall_reaction",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_facilitator");

            migrationBuilder.DropTable(
                name: "offer_request");

            migrationBuilder.DropTable(
                name: "organisation_link");

            migrationBuilder.DropTable(
                name: "peer_assignment");

            migrationBuilder.DropTable(
                name: "peer_break");

            migrationBuilder.DropTable(
                name: "peer_check_in");

            migrationBuilder.DropTable(
                name: "peer_debrief");

            migrationBuilder.DropTable(
                name: "peer_load_warning");

            migrationBuilder.DropTable(
                name: "peer_override");

            migrationBuilder.DropTable(
                name: "peer_supervision");

            migrationBuilder.DropTable(
                name: "peer_supervisor");

            migrationBuilder.DropTable(
                name: "peer_support_settings");

            migrationBuilder.DropTable(
                name: "peer_training");

            migrationBuilder.DropTable(
                name: "peer_work");

            migrationBuilder.DropTable(
                name: "referral_message");

            migrationBuilder.DropTable(
                name: "referring_organisation");

            migrationBuilder.DropTable(
                name: "wall_flag");

            migrationBuilder.DropTable(
                name: "wall_member");

            migrationBuilder.DropTable(
                name: "wall_reaction");

            migrationBuilder.DropTable(
                name: "group_session");

            migrationBuilder.DropTable(
                name: "shared_offer");

            migrationBuilder.DropTable(
                name: "wall_item");

            migrationBuilder.DeleteData(
                table: "account_role",
                keyColumn: "Id",
                keyValue: new Guid("d2c314b3-b11f-5991-9c5b-196aee026745"));
        }
    }
}

import type { RouteObject } from 'react-router';
import { BackupsPage } from '../features/backups/BackupsPage';
import { CampaignPage } from '../features/campaigns/CampaignPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { EventsPage } from '../features/campaigns/EventsPage';
import { GrassrootsPage } from '../features/campaigns/GrassrootsPage';
import { PetitionPage } from '../features/campaigns/PetitionPage';
import { CharterLayout } from '../features/charter/CharterLayout';
import { CharterDraftPage } from '../features/charter/draft/CharterDraftPage';
import { ComparePage } from '../features/charter/compare/ComparePage';
import { VersionPage } from '../features/charter/versions/VersionPage';
import { VersionsPage } from '../features/charter/versions/VersionsPage';
import { ComingSoonPage } from '../features/coming/ComingSoonPage';
import { NotFoundPage } from '../features/coming/NotFoundPage';
import { HistoryPage } from '../features/history/HistoryPage';
import { HomePage } from '../features/home/HomePage';
import { CoveragePage } from '../features/media/CoveragePage';
import { OutletsPage } from '../features/media/OutletsPage';
import { OutreachPage } from '../features/media/OutreachPage';
import { NewStoryPage, StoriesPage, StoryPage } from '../features/stories/StoriesPage';
import { ActionItemsPage } from '../features/meetings/ActionItemsPage';
import { CalendarPage } from '../features/meetings/CalendarPage';
import { BillPage } from '../features/policy/BillPage';
import { BillsPage } from '../features/policy/BillsPage';
import { BodiesPage } from '../features/policy/BodiesPage';
import { EngagementPage } from '../features/policy/EngagementPage';
import { EngagementsPage } from '../features/policy/EngagementsPage';
import { OfficialPage } from '../features/policy/OfficialPage';
import { OfficialsImportPage } from '../features/policy/OfficialsImportPage';
import { OfficialsPage } from '../features/policy/OfficialsPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { CustomFieldsPage } from '../features/directory/customFields/CustomFieldsPage';
import { DuplicatesPage } from '../features/directory/duplicates/DuplicatesPage';
import { ListsPage } from '../features/directory/vocabulary/ListsPage';
import { ImportPage } from '../features/directory/import/ImportPage';
import { OrganizationPage } from '../features/directory/organizations/OrganizationPage';
import { PersonPage } from '../features/directory/people/PersonPage';
import { RepresentationPage } from '../features/directory/representation/RepresentationPage';
import { ApplicationsPage } from '../features/structure/applications/ApplicationsPage';
import { CommitteePage } from '../features/structure/committee/CommitteePage';
import { SeatPage } from '../features/structure/committee/SeatPage';
import { EndorsementsPage } from '../features/structure/endorsements/EndorsementsPage';
import { WorkingGroupPage } from '../features/structure/groups/WorkingGroupPage';
import { WorkingGroupsPage } from '../features/structure/groups/WorkingGroupsPage';
import { RolesPage } from '../features/structure/roles/RolesPage';
import { ReportPage } from '../features/reports/ReportPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { CataloguePage } from '../features/metrics/CataloguePage';
import { DashboardPage } from '../features/metrics/DashboardPage';
import { MetricPage } from '../features/metrics/MetricPage';
import { RoundPage } from '../features/metrics/RoundPage';
import { NewSurveyPage, SurveyPage } from '../features/metrics/SurveyPage';
import { SurveysPage } from '../features/metrics/SurveysPage';
import { BriefingPacketsPage } from '../features/briefings/BriefingPacketsPage';
import { FundersPage } from '../features/resources/FundersPage';
import { FundraisingCampaignPage } from '../features/resources/FundraisingCampaignPage';
import { FundraisingPage } from '../features/resources/FundraisingPage';
import { GrantsPage } from '../features/resources/GrantsPage';
import { InKindPage } from '../features/resources/InKindPage';
import { AssistancePage } from '../features/capacity/AssistancePage';
import { TrainingPage } from '../features/capacity/TrainingPage';
import { TrainingsPage } from '../features/capacity/TrainingsPage';
import { AREAS } from './areas';
import { RouteErrorPage } from './RouteErrorPage';
import { WorkspaceGate } from './WorkspaceGate';

export const routes: RouteObject[] = [
  {
    element: <WorkspaceGate />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'charter',
        element: <CharterLayout />,
        children: [
          { index: true, element: <CharterDraftPage /> },
          { path: 'versions', element: <VersionsPage /> },
          { path: 'versions/:number', element: <VersionPage /> },
          { path: 'compare', element: <ComparePage /> },
        ],
      },
      {
        path: 'directory',
        children: [
          { index: true, element: <DirectoryPage tab="organizations" /> },
          { path: 'people', element: <DirectoryPage tab="people" /> },
          { path: 'duplicates', element: <DuplicatesPage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'representation', element: <RepresentationPage /> },
          { path: 'lists', element: <ListsPage /> },
          { path: 'fields', element: <CustomFieldsPage /> },
          { path: 'organizations/:id', element: <OrganizationPage /> },
          { path: 'people/:id', element: <PersonPage /> },
        ],
      },
      {
        path: 'meetings',
        children: [
          { index: true, element: <CalendarPage /> },
          { path: 'action-items', element: <ActionItemsPage /> },
          { path: ':id', element: <MeetingPage /> },
        ],
      },
      {
        path: 'policy',
        children: [
          { index: true, element: <OfficialsPage /> },
          { path: 'officials/:id', element: <OfficialPage /> },
          { path: 'bills', element: <BillsPage /> },
          { path: 'bills/:id', element: <BillPage /> },
          { path: 'engagements', element: <EngagementsPage /> },
          { path: 'engagements/:id', element: <EngagementPage /> },
          { path: 'bodies', element: <BodiesPage /> },
          { path: 'import', element: <OfficialsImportPage /> },
        ],
      },
      {
        path: 'structure',
        children: [
          { index: true, element: <CommitteePage /> },
          { path: 'seats/:id', element: <SeatPage /> },
          { path: 'groups', element: <WorkingGroupsPage /> },
          { path: 'groups/:id', element: <WorkingGroupPage /> },
          { path: 'applications', element: <ApplicationsPage /> },
          { path: 'endorsements', element: <EndorsementsPage /> },
          { path: 'roles', element: <RolesPage /> },
        ],
      },
      {
        path: 'reports',
        children: [
          { index: true, element: <ReportsPage /> },
          { path: ':id', element: <ReportPage /> },
        ],
      },
      {
        path: 'metrics',
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'catalogue', element: <CataloguePage /> },
          { path: 'catalogue/:id', element: <MetricPage /> },
          { path: 'surveys', element: <SurveysPage /> },
          { path: 'surveys/new', element: <NewSurveyPage /> },
          { path: 'surveys/:id', element: <SurveyPage /> },
          { path: 'surveys/:id/rounds/:roundId', element: <RoundPage /> },
        ],
      },
      // Briefing packets live under Reports (its nav links here); a static path outranks reports/:id.
      { path: 'reports/packets', element: <BriefingPacketsPage /> },
      {
        path: 'advocacy',
        children: [
          { index: true, element: <CampaignsPage /> },
          { path: 'campaigns/:id', element: <CampaignPage /> },
          { path: 'events', element: <EventsPage /> },
          { path: 'grassroots', element: <GrassrootsPage /> },
          { path: 'petitions/:id', element: <PetitionPage /> },
        ],
      },
      {
        path: 'resources',
        children: [
          { index: true, element: <FundraisingPage /> },
          { path: 'fundraising/:id', element: <FundraisingCampaignPage /> },
          { path: 'grants', element: <GrantsPage /> },
          { path: 'in-kind', element: <InKindPage /> },
          { path: 'funders', element: <FundersPage /> },
        ],
      },
      {
        path: 'capacity',
        children: [
          { index: true, element: <TrainingsPage /> },
          { path: 'trainings/:id', element: <TrainingPage /> },
          { path: 'assistance', element: <AssistancePage /> },
        ],
      },
      {
        path: 'media',
        children: [
          { index: true, element: <OutreachPage /> },
          { path: 'coverage', element: <CoveragePage /> },
          { path: 'outlets', element: <OutletsPage /> },
          { path: 'stories', element: <StoriesPage /> },
          { path: 'stories/new', element: <NewStoryPage /> },
          { path: 'stories/:id', element: <StoryPage /> },
        ],
      },
      { path: 'backups', element: <BackupsPage /> },
      { path: 'history', element: <HistoryPage /> },
      ...AREAS.filter((area) => !area.built).map((area) => ({ path: area.path.slice(1), element: <ComingSoonPage area={area} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

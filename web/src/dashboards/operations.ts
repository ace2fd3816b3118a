import { graphql } from '../gql';

export const DashboardsDocument = graphql(`
  query Dashboards {
    dashboards {
      id
      name
      access
      privacy
      templateId
      owner {
        email
        name
      }
    }
  }
`);

/** The dashboard without results (costs nothing); each tile runs its report in a request of its own. */
export const DashboardDocument = graphql(`
  query Dashboard($id: ID!) {
    dashboard(id: $id) {
      id
      name
      access
      privacy
      dateRange {
        preset
        from
        to
      }
      filters {
        property
        operator
        values
      }
      reports {
        id
        position
        width
        title
        definition {
          id
          description
          defaultChartType
        }
        report {
          id
          chartType
          canEdit
        }
      }
    }
  }
`);

/** One tile's numbers, as the dashboard shows them (its range and filters), with the picker's range and zone. */
export const TileResultDocument = graphql(`
  query TileResult($input: RunReportInput!) {
    runReport(input: $input) {
      dimensions {
        key
        label
      }
      measures {
        key
        label
        unit
      }
      rows {
        dimensionValues {
          value
          label
        }
        measureValues
      }
    }
  }
`);

export const LibraryDocument = graphql(`
  query Library {
    dashboardTemplates {
      id
      title
      description
      channel
      reports {
        id
        title
      }
    }
    reportDefinitions {
      id
      title
      channel
    }
    reports(first: 200) {
      id
      name
    }
  }
`);

export const SharingChoicesDocument = graphql(`
  query SharingChoices {
    members {
      id
      email
      name
    }
    teams {
      externalId
      name
    }
  }
`);

export const CreateDashboardDocument = graphql(`
  mutation CreateDashboard($input: CreateDashboardFromTemplateInput!) {
    createDashboardFromTemplate(input: $input) {
      id
      name
    }
  }
`);

export const UpdateDashboardDocument = graphql(`
  mutation UpdateDashboard($input: UpdateDashboardInput!) {
    updateDashboard(input: $input) {
      id
      name
      reports {
        id
        position
        width
      }
    }
  }
`);

export const AddReportDocument = graphql(`
  mutation AddReport($input: AddReportToDashboardInput!) {
    addReportToDashboard(input: $input) {
      id
      reports {
        id
      }
    }
  }
`);

export const RemoveReportDocument = graphql(`
  mutation RemoveReport($input: RemoveReportFromDashboardInput!) {
    removeReportFromDashboard(input: $input) {
      id
      reports {
        id
      }
    }
  }
`);

export const DeleteDashboardDocument = graphql(`
  mutation DeleteDashboard($id: ID!) {
    deleteDashboard(id: $id)
  }
`);

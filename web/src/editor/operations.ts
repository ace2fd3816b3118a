import { graphql } from '../gql';

export const EditorDocument = graphql(`
  query Editor($dashboardId: ID!) {
    dashboard(id: $dashboardId) {
      id
      name
      access
      reports {
        id
        title
        definition {
          id
          title
          channel
          defaultChartType
          defaultGranularity
          dimensions {
            key
          }
          measures {
            key
          }
          defaultFilters {
            property
            operator
            values
          }
        }
        report {
          id
          name
          canEdit
          channel
          chartType
          granularity
          dimensions {
            key
          }
          measures {
            key
          }
          filters {
            property
            operator
            values
          }
          revision
          revisions {
            revision
            action
            name
            chartType
            changes
            createdAt
            author {
              email
              name
            }
          }
        }
      }
    }
    conversationProperties {
      key
      label
      type
      operators
      groupable
    }
    reportMeasures {
      key
      label
      unit
    }
  }
`);

export const PropertyValuesDocument = graphql(`
  query PropertyValues($key: String!, $search: String, $first: Int) {
    propertyValues(key: $key, search: $search, first: $first) {
      totalCount
      nodes {
        value
        label
        count
      }
    }
  }
`);

export const EditDashboardReportDocument = graphql(`
  mutation EditDashboardReport($input: EditDashboardReportInput!) {
    editDashboardReport(input: $input) {
      id
      reports {
        id
        title
        report {
          id
          chartType
          canEdit
        }
      }
    }
  }
`);

export const RestoreRevisionDocument = graphql(`
  mutation RestoreRevision($input: RestoreReportRevisionInput!) {
    restoreReportRevision(input: $input) {
      id
      name
      chartType
      revision
    }
  }
`);

import { graphql } from '../gql';

export const DrilldownDocument = graphql(`
  query Drilldown($input: DrilldownInput!) {
    drilldown(input: $input) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        externalId
        channel
        status
        subject
        createdAt
        closedAt
        firstResponseSeconds
        timeToCloseSeconds
        assignee {
          name
        }
        inbox {
          name
        }
      }
    }
  }
`);

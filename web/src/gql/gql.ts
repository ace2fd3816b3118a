/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      userId\n      email\n      role\n      scope\n      account {\n        id\n        name\n        plan\n        timezone\n        canEditReports\n        reportEditingRequires\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query Dashboards {\n    dashboards {\n      id\n      name\n      access\n      privacy\n      templateId\n      owner {\n        email\n        name\n      }\n    }\n  }\n": typeof types.DashboardsDocument,
    "\n  query Dashboard($id: ID!) {\n    dashboard(id: $id) {\n      id\n      name\n      access\n      privacy\n      dateRange {\n        preset\n        from\n        to\n      }\n      filters {\n        property\n        operator\n        values\n      }\n      reports {\n        id\n        position\n        width\n        title\n        definition {\n          id\n          description\n          defaultChartType\n        }\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query TileResult($input: RunReportInput!) {\n    runReport(input: $input) {\n      dimensions {\n        key\n        label\n      }\n      measures {\n        key\n        label\n        unit\n      }\n      rows {\n        dimensionValues {\n          value\n          label\n        }\n        measureValues\n      }\n    }\n  }\n": typeof types.TileResultDocument,
    "\n  query Library {\n    dashboardTemplates {\n      id\n      title\n      description\n      channel\n      reports {\n        id\n        title\n      }\n    }\n    reportDefinitions {\n      id\n      title\n      channel\n    }\n    reports(first: 200) {\n      id\n      name\n    }\n  }\n": typeof types.LibraryDocument,
    "\n  query SharingChoices {\n    members {\n      id\n      email\n      name\n    }\n    teams {\n      externalId\n      name\n    }\n  }\n": typeof types.SharingChoicesDocument,
    "\n  mutation CreateDashboard($input: CreateDashboardFromTemplateInput!) {\n    createDashboardFromTemplate(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateDashboardDocument,
    "\n  mutation UpdateDashboard($input: UpdateDashboardInput!) {\n    updateDashboard(input: $input) {\n      id\n      name\n      reports {\n        id\n        position\n        width\n      }\n    }\n  }\n": typeof types.UpdateDashboardDocument,
    "\n  mutation AddReport($input: AddReportToDashboardInput!) {\n    addReportToDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n": typeof types.AddReportDocument,
    "\n  mutation RemoveReport($input: RemoveReportFromDashboardInput!) {\n    removeReportFromDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n": typeof types.RemoveReportDocument,
    "\n  mutation DeleteDashboard($id: ID!) {\n    deleteDashboard(id: $id)\n  }\n": typeof types.DeleteDashboardDocument,
    "\n  query Drilldown($input: DrilldownInput!) {\n    drilldown(input: $input) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        externalId\n        channel\n        status\n        subject\n        createdAt\n        closedAt\n        firstResponseSeconds\n        timeToCloseSeconds\n        assignee {\n          name\n        }\n        inbox {\n          name\n        }\n      }\n    }\n  }\n": typeof types.DrilldownDocument,
    "\n  query Editor($dashboardId: ID!) {\n    dashboard(id: $dashboardId) {\n      id\n      name\n      access\n      reports {\n        id\n        title\n        definition {\n          id\n          title\n          channel\n          defaultChartType\n          defaultGranularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          defaultFilters {\n            property\n            operator\n            values\n          }\n        }\n        report {\n          id\n          name\n          canEdit\n          channel\n          chartType\n          granularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          filters {\n            property\n            operator\n            values\n          }\n          revision\n          revisions {\n            revision\n            action\n            name\n            chartType\n            changes\n            createdAt\n            author {\n              email\n              name\n            }\n          }\n        }\n      }\n    }\n    conversationProperties {\n      key\n      label\n      type\n      operators\n      groupable\n    }\n    reportMeasures {\n      key\n      label\n      unit\n    }\n  }\n": typeof types.EditorDocument,
    "\n  query PropertyValues($key: String!, $search: String, $first: Int) {\n    propertyValues(key: $key, search: $search, first: $first) {\n      totalCount\n      nodes {\n        value\n        label\n        count\n      }\n    }\n  }\n": typeof types.PropertyValuesDocument,
    "\n  mutation EditDashboardReport($input: EditDashboardReportInput!) {\n    editDashboardReport(input: $input) {\n      id\n      reports {\n        id\n        title\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n": typeof types.EditDashboardReportDocument,
    "\n  mutation RestoreRevision($input: RestoreReportRevisionInput!) {\n    restoreReportRevision(input: $input) {\n      id\n      name\n      chartType\n      revision\n    }\n  }\n": typeof types.RestoreRevisionDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      userId\n      email\n      role\n      scope\n      account {\n        id\n        name\n        plan\n        timezone\n        canEditReports\n        reportEditingRequires\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  query Dashboards {\n    dashboards {\n      id\n      name\n      access\n      privacy\n      templateId\n      owner {\n        email\n        name\n      }\n    }\n  }\n": types.DashboardsDocument,
    "\n  query Dashboard($id: ID!) {\n    dashboard(id: $id) {\n      id\n      name\n      access\n      privacy\n      dateRange {\n        preset\n        from\n        to\n      }\n      filters {\n        property\n        operator\n        values\n      }\n      reports {\n        id\n        position\n        width\n        title\n        definition {\n          id\n          description\n          defaultChartType\n        }\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query TileResult($input: RunReportInput!) {\n    runReport(input: $input) {\n      dimensions {\n        key\n        label\n      }\n      measures {\n        key\n        label\n        unit\n      }\n      rows {\n        dimensionValues {\n          value\n          label\n        }\n        measureValues\n      }\n    }\n  }\n": types.TileResultDocument,
    "\n  query Library {\n    dashboardTemplates {\n      id\n      title\n      description\n      channel\n      reports {\n        id\n        title\n      }\n    }\n    reportDefinitions {\n      id\n      title\n      channel\n    }\n    reports(first: 200) {\n      id\n      name\n    }\n  }\n": types.LibraryDocument,
    "\n  query SharingChoices {\n    members {\n      id\n      email\n      name\n    }\n    teams {\n      externalId\n      name\n    }\n  }\n": types.SharingChoicesDocument,
    "\n  mutation CreateDashboard($input: CreateDashboardFromTemplateInput!) {\n    createDashboardFromTemplate(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateDashboardDocument,
    "\n  mutation UpdateDashboard($input: UpdateDashboardInput!) {\n    updateDashboard(input: $input) {\n      id\n      name\n      reports {\n        id\n        position\n        width\n      }\n    }\n  }\n": types.UpdateDashboardDocument,
    "\n  mutation AddReport($input: AddReportToDashboardInput!) {\n    addReportToDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n": types.AddReportDocument,
    "\n  mutation RemoveReport($input: RemoveReportFromDashboardInput!) {\n    removeReportFromDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n": types.RemoveReportDocument,
    "\n  mutation DeleteDashboard($id: ID!) {\n    deleteDashboard(id: $id)\n  }\n": types.DeleteDashboardDocument,
    "\n  query Drilldown($input: DrilldownInput!) {\n    drilldown(input: $input) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        externalId\n        channel\n        status\n        subject\n        createdAt\n        closedAt\n        firstResponseSeconds\n        timeToCloseSeconds\n        assignee {\n          name\n        }\n        inbox {\n          name\n        }\n      }\n    }\n  }\n": types.DrilldownDocument,
    "\n  query Editor($dashboardId: ID!) {\n    dashboard(id: $dashboardId) {\n      id\n      name\n      access\n      reports {\n        id\n        title\n        definition {\n          id\n          title\n          channel\n          defaultChartType\n          defaultGranularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          defaultFilters {\n            property\n            operator\n            values\n          }\n        }\n        report {\n          id\n          name\n          canEdit\n          channel\n          chartType\n          granularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          filters {\n            property\n            operator\n            values\n          }\n          revision\n          revisions {\n            revision\n            action\n            name\n            chartType\n            changes\n            createdAt\n            author {\n              email\n              name\n            }\n          }\n        }\n      }\n    }\n    conversationProperties {\n      key\n      label\n      type\n      operators\n      groupable\n    }\n    reportMeasures {\n      key\n      label\n      unit\n    }\n  }\n": types.EditorDocument,
    "\n  query PropertyValues($key: String!, $search: String, $first: Int) {\n    propertyValues(key: $key, search: $search, first: $first) {\n      totalCount\n      nodes {\n        value\n        label\n        count\n      }\n    }\n  }\n": types.PropertyValuesDocument,
    "\n  mutation EditDashboardReport($input: EditDashboardReportInput!) {\n    editDashboardReport(input: $input) {\n      id\n      reports {\n        id\n        title\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n": types.EditDashboardReportDocument,
    "\n  mutation RestoreRevision($input: RestoreReportRevisionInput!) {\n    restoreReportRevision(input: $input) {\n      id\n      name\n      chartType\n      revision\n    }\n  }\n": types.RestoreRevisionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      userId\n      email\n      role\n      scope\n      account {\n        id\n        name\n        plan\n        timezone\n        canEditReports\n        reportEditingRequires\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      userId\n      email\n      role\n      scope\n      account {\n        id\n        name\n        plan\n        timezone\n        canEditReports\n        reportEditingRequires\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboards {\n    dashboards {\n      id\n      name\n      access\n      privacy\n      templateId\n      owner {\n        email\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboards {\n    dashboards {\n      id\n      name\n      access\n      privacy\n      templateId\n      owner {\n        email\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($id: ID!) {\n    dashboard(id: $id) {\n      id\n      name\n      access\n      privacy\n      dateRange {\n        preset\n        from\n        to\n      }\n      filters {\n        property\n        operator\n        values\n      }\n      reports {\n        id\n        position\n        width\n        title\n        definition {\n          id\n          description\n          defaultChartType\n        }\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($id: ID!) {\n    dashboard(id: $id) {\n      id\n      name\n      access\n      privacy\n      dateRange {\n        preset\n        from\n        to\n      }\n      filters {\n        property\n        operator\n        values\n      }\n      reports {\n        id\n        position\n        width\n        title\n        definition {\n          id\n          description\n          defaultChartType\n        }\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TileResult($input: RunReportInput!) {\n    runReport(input: $input) {\n      dimensions {\n        key\n        label\n      }\n      measures {\n        key\n        label\n        unit\n      }\n      rows {\n        dimensionValues {\n          value\n          label\n        }\n        measureValues\n      }\n    }\n  }\n"): (typeof documents)["\n  query TileResult($input: RunReportInput!) {\n    runReport(input: $input) {\n      dimensions {\n        key\n        label\n      }\n      measures {\n        key\n        label\n        unit\n      }\n      rows {\n        dimensionValues {\n          value\n          label\n        }\n        measureValues\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Library {\n    dashboardTemplates {\n      id\n      title\n      description\n      channel\n      reports {\n        id\n        title\n      }\n    }\n    reportDefinitions {\n      id\n      title\n      channel\n    }\n    reports(first: 200) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Library {\n    dashboardTemplates {\n      id\n      title\n      description\n      channel\n      reports {\n        id\n        title\n      }\n    }\n    reportDefinitions {\n      id\n      title\n      channel\n    }\n    reports(first: 200) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharingChoices {\n    members {\n      id\n      email\n      name\n    }\n    teams {\n      externalId\n      name\n    }\n  }\n"): (typeof documents)["\n  query SharingChoices {\n    members {\n      id\n      email\n      name\n    }\n    teams {\n      externalId\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDashboard($input: CreateDashboardFromTemplateInput!) {\n    createDashboardFromTemplate(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDashboard($input: CreateDashboardFromTemplateInput!) {\n    createDashboardFromTemplate(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDashboard($input: UpdateDashboardInput!) {\n    updateDashboard(input: $input) {\n      id\n      name\n      reports {\n        id\n        position\n        width\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDashboard($input: UpdateDashboardInput!) {\n    updateDashboard(input: $input) {\n      id\n      name\n      reports {\n        id\n        position\n        width\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReport($input: AddReportToDashboardInput!) {\n    addReportToDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddReport($input: AddReportToDashboardInput!) {\n    addReportToDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveReport($input: RemoveReportFromDashboardInput!) {\n    removeReportFromDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveReport($input: RemoveReportFromDashboardInput!) {\n    removeReportFromDashboard(input: $input) {\n      id\n      reports {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDashboard($id: ID!) {\n    deleteDashboard(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteDashboard($id: ID!) {\n    deleteDashboard(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Drilldown($input: DrilldownInput!) {\n    drilldown(input: $input) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        externalId\n        channel\n        status\n        subject\n        createdAt\n        closedAt\n        firstResponseSeconds\n        timeToCloseSeconds\n        assignee {\n          name\n        }\n        inbox {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Drilldown($input: DrilldownInput!) {\n    drilldown(input: $input) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        externalId\n        channel\n        status\n        subject\n        createdAt\n        closedAt\n        firstResponseSeconds\n        timeToCloseSeconds\n        assignee {\n          name\n        }\n        inbox {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Editor($dashboardId: ID!) {\n    dashboard(id: $dashboardId) {\n      id\n      name\n      access\n      reports {\n        id\n        title\n        definition {\n          id\n          title\n          channel\n          defaultChartType\n          defaultGranularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          defaultFilters {\n            property\n            operator\n            values\n          }\n        }\n        report {\n          id\n          name\n          canEdit\n          channel\n          chartType\n          granularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          filters {\n            property\n            operator\n            values\n          }\n          revision\n          revisions {\n            revision\n            action\n            name\n            chartType\n            changes\n            createdAt\n            author {\n              email\n              name\n            }\n          }\n        }\n      }\n    }\n    conversationProperties {\n      key\n      label\n      type\n      operators\n      groupable\n    }\n    reportMeasures {\n      key\n      label\n      unit\n    }\n  }\n"): (typeof documents)["\n  query Editor($dashboardId: ID!) {\n    dashboard(id: $dashboardId) {\n      id\n      name\n      access\n      reports {\n        id\n        title\n        definition {\n          id\n          title\n          channel\n          defaultChartType\n          defaultGranularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          defaultFilters {\n            property\n            operator\n            values\n          }\n        }\n        report {\n          id\n          name\n          canEdit\n          channel\n          chartType\n          granularity\n          dimensions {\n            key\n          }\n          measures {\n            key\n          }\n          filters {\n            property\n            operator\n            values\n          }\n          revision\n          revisions {\n            revision\n            action\n            name\n            chartType\n            changes\n            createdAt\n            author {\n              email\n              name\n            }\n          }\n        }\n      }\n    }\n    conversationProperties {\n      key\n      label\n      type\n      operators\n      groupable\n    }\n    reportMeasures {\n      key\n      label\n      unit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyValues($key: String!, $search: String, $first: Int) {\n    propertyValues(key: $key, search: $search, first: $first) {\n      totalCount\n      nodes {\n        value\n        label\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query PropertyValues($key: String!, $search: String, $first: Int) {\n    propertyValues(key: $key, search: $search, first: $first) {\n      totalCount\n      nodes {\n        value\n        label\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditDashboardReport($input: EditDashboardReportInput!) {\n    editDashboardReport(input: $input) {\n      id\n      reports {\n        id\n        title\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditDashboardReport($input: EditDashboardReportInput!) {\n    editDashboardReport(input: $input) {\n      id\n      reports {\n        id\n        title\n        report {\n          id\n          chartType\n          canEdit\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreRevision($input: RestoreReportRevisionInput!) {\n    restoreReportRevision(input: $input) {\n      id\n      name\n      chartType\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreRevision($input: RestoreReportRevisionInput!) {\n    restoreReportRevision(input: $input) {\n      id\n      name\n      chartType\n      revision\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
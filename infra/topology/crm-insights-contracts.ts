import {
  customerIdParam,
  customerInsightsResponse,
  demandQuery,
  dormantQuery,
  dormantResponse,
  productDemandResponse,
  prospectsQuery,
  prospectsResponse,
  topQuery,
  topResponse,
} from '../../shared/contracts/customer-insights';
import { sku } from '../../shared/contracts/inventory';
import type { RouteContract } from './route-contracts';

/** The OpenAPI contracts of the CRM's insight routes (crm-insights.ts), spread into route-contracts.ts. */
export const crmInsightContracts: Record<string, RouteContract> = {
  'GET /customers/{id}/insights': {
    summary: "A customer's insights",
    description:
      'Lifetime revenue and average order value per currency, and in the company currency of ' +
      '`/settings/exchange-rates` (`inCompanyCurrency`): each order converted at the rate in force on the day it ' +
      'was placed, with the rates used (`ratesUsed`: pair, rate, the day it took effect); when an order has no ' +
      'rate, no total but `unavailable` and `missingRates` (what to add). Also the order count, average days between orders, the predicted next order (last order + the mean ' +
      'interval, from 2 orders), the quote win rate (accepted ÷ decided: accepted, expired, or inquiry lost) ' +
      'and open exposure (unpaid on shipped orders, as the credit review counts it). Cancelled and refused ' +
      'orders do not count.',
    tag: 'Customers',
    pathParams: { id: customerIdParam },
    responses: { 200: { description: 'The insights', body: customerInsightsResponse } },
    problems: { 404: 'No customer with this id' },
  },
  'GET /customers/lists/prospects': {
    summary: 'Prospects',
    description: 'Customers who inquired (or were quoted) and never ordered, latest inquiry first.',
    tag: 'Customers',
    query: prospectsQuery,
    responses: { 200: { description: 'A page of prospects', body: prospectsResponse } },
  },
  'GET /customers/lists/dormant': {
    summary: 'Dormant customers',
    description:
      'Repeat buyers (2+ orders) past their predicted next order by at least `minDaysOverdue` days, the ' +
      'longest overdue first, with how many days.',
    tag: 'Customers',
    query: dormantQuery,
    responses: { 200: { description: 'A page of dormant customers', body: dormantResponse } },
  },
  'GET /customers/lists/top': {
    summary: 'Top customers',
    description:
      'Customers by revenue over the last `months` calendar months (the current one included). In `currency` ' +
      'when given (its orders only). Else in the company currency of `/settings/exchange-rates`, each order at ' +
      'the rate in force on the day it was placed, naming the rates used (`conversion.ratesUsed`); when any ' +
      'order has no rate, one ranking per currency with `unavailable` and `conversion.missingRates`.',
    tag: 'Customers',
    query: topQuery,
    responses: { 200: { description: 'The rankings', body: topResponse } },
  },
  'GET /products/{sku}/demand': {
    summary: "A product's demand",
    description:
      'Quantities ordered per month (the last `months` complete months, and the current month so far) and per ' +
      "customer, with a forecast of the current month and the next two by Holt's linear exponential smoothing " +
      '(α 0.5, β 0.3) fitted on the complete months. Cancelled and refused orders do not count.',
    tag: 'Products',
    pathParams: { sku },
    query: demandQuery,
    responses: { 200: { description: 'Demand and forecast', body: productDemandResponse } },
  },
};

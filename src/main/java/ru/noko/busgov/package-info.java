/**
 * The bus.gov.ru export of a published campaign: a deterministic ZIP with
 * {@code results.xml} (own namespace, schema {@code results.xsd}), {@code results.csv}, draft plans to
 * eliminate shortcomings in the official format ТФФ ГМУ 1.8.3 ({@code planShortcomingInfoType}) and a
 * Russian {@code README.txt}. {@link ru.noko.busgov.BusGovExport} builds it; the HTTP layer only maps
 * parameters and refusals.
 */
package ru.noko.busgov;

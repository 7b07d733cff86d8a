package com.platepay.sites;

/** What a site sells; a mandate names the categories it may be used for. */
public enum SiteCategory { GAS, PARKING }

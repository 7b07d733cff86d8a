package com.platepay;
class Placeholder {}

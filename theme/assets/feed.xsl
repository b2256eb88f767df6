<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an Atom feed of the site (Publishing/Feeds.cs names this file in each feed's xml-stylesheet instruction)
     as a page a person can read: what a feed is, how to follow it, and its entries. Feed readers ignore it.
     The page's look is the site's own stylesheet: nothing inline, which the Content-Security-Policy refuses. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" version="5.0" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="self" select="/atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="page" select="/atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="site" select="/atom:feed/atom:author/atom:name"/>
  <xsl:variable name="home" select="/atom:feed/atom:author/atom:uri"/>

  <xsl:template match="/atom:feed">
    <html lang="{@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (Atom feed)</title>
        <link rel="stylesheet" href="/assets/site.css"/>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>
      </head>
      <body class="kind-feed">
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="site-name" href="{$home}"><xsl:value-of select="$site"/></a>
          </div>
        </header>
        <main id="main" class="wrap">
          <p class="kicker">Atom feed</p>
          <h1><xsl:value-of select="atom:title"/></h1>
          <p class="lede"><xsl:value-of select="atom:subtitle"/></p>
          <div class="feed-about">
            <p>This is a feed: a page that feed readers check for new briefings, so that you need not. To follow it,
              copy this address into your feed reader (Feedly, NetNewsWire, Thunderbird and many others):</p>
            <p><code class="feed-address"><xsl:value-of select="$self"/></code></p>
            <p>Or read these briefings on <a href="{$page}">the site itself</a>.</p>
          </div>
          <h2>Latest briefings <span class="count">(<xsl:value-of select="count(atom:entry)"/>)</span></h2>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ul class="briefing-list">
                <xsl:apply-templates select="atom:entry"/>
              </ul>
            </xsl:when>
            <xsl:otherwise><p class="empty">No briefing yet.</p></xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="meta">
        <time datetime="{substring(atom:published, 1, 10)}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
        <xsl:if test="substring(atom:updated, 1, 10) != substring(atom:published, 1, 10)">
          · updated <time datetime="{substring(atom:updated, 1, 10)}"><xsl:value-of select="substring(atom:updated, 1, 10)"/></time>
        </xsl:if>
      </p>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>

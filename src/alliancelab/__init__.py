"""alliancelab: design and assess collective-security alliances on real data.

The package is layered; data flows down and each layer imports only those above it:

- :mod:`alliancelab.data`: the bundled dataset catalog, country identity, panels;
- :mod:`alliancelab.treaty`: treaty-as-code, scenarios, the casus-foederis engine;
- :mod:`alliancelab.assess`: capability, burden sharing, cohesion, exposure, durability;
- :mod:`alliancelab.align` and :mod:`alliancelab.simulate`: landscape theory, cascades;
- :mod:`alliancelab.report`, :mod:`alliancelab.cli`, :mod:`alliancelab.web`: outputs.

Example
-------
>>> import alliancelab
>>> alliancelab.__version__
'0.1.0'
"""

__version__ = "0.1.0"

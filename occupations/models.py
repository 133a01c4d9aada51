"""SQLAlchemy models of the labour-market table (SQLAlchemy 1.4, 2.0-style)."""

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Source(Base):
    """Where a figure comes from: every figure row points to one."""

    __tablename__ = "sources"
    id = Column(String(64), primary_key=True)
    publisher = Column(String(200), nullable=False)
    title = Column(String(300), nullable=False)
    year = Column(Integer)  # the year the figures describe
    period = Column(String(40))  # e.g. "2025 Q4"
    url = Column(String(400))
    licence = Column(String(200))


class OccupationGroup(Base):
    """A CBS BRC 2014 level: group (4 digits), segment (3), class (2) or the national total."""

    __tablename__ = "occupation_groups"
    code = Column(String(8), primary_key=True)
    title = Column(String(200), nullable=False)
    level = Column(String(10), nullable=False)  # group | segment | class | total
    parent_code = Column(String(8), ForeignKey("occupation_groups.code"))


class GroupEmployment(Base):
    __tablename__ = "group_employment"
    id = Column(Integer, primary_key=True)
    group_code = Column(String(8), ForeignKey("occupation_groups.code"), nullable=False, index=True)
    period = Column(String(20), nullable=False)
    previous_period = Column(String(20))
    jobs = Column(Integer)
    jobs_previous = Column(Integer)
    growth_pct = Column(Float)
    women_share = Column(Float)
    higher_education_share = Column(Float)
    source_id = Column(String(64), ForeignKey("sources.id"), nullable=False)


class GroupPay(Base):
    """Gross hourly wage quartiles of employees in one group and year."""

    __tablename__ = "group_pay"
    id = Column(Integer, primary_key=True)
    group_code = Column(String(8), ForeignKey("occupation_groups.code"), nullable=False, index=True)
    year = Column(Integer, nullable=False)
    p25 = Column(Float, nullable=False)
    median = Column(Float, nullable=False)
    p75 = Column(Float, nullable=False)
    employees = Column(Integer)
    source_id = Column(String(64), ForeignKey("sources.id"), nullable=False)


class Occupation(Base):
    """An ESCO occupation; `id` is the UUID at the end of its concept URI."""

    __tablename__ = "occupations"
    id = Column(String(40), primary_key=True)
    esco_code = Column(String(20), nullable=False, index=True)
    uri = Column(String(200), nullable=False)
    name = Column(String(200), nullable=False)
    isco_code = Column(String(4), nullable=False)
    brc_group = Column(String(8), ForeignKey("occupation_groups.code"), nullable=False)
    profile_slug = Column(String(60), index=True)  # set for occupations with a curated profile
    esco_description = Column(Text)  # ESCO's own Dutch description of the work, if it has one
    esco_source_id = Column(String(64), ForeignKey("sources.id"))  # where that description comes from


class OccupationLabel(Base):
    """Every name an occupation goes by, with its normalised form for matching."""

    __tablename__ = "occupation_labels"
    id = Column(Integer, primary_key=True)
    occupation_id = Column(String(40), ForeignKey("occupations.id"), nullable=False, index=True)
    label = Column(String(300), nullable=False)
    normalized = Column(String(300), nullable=False)
    kind = Column(String(12), nullable=False)  # preferred | alt | hidden | curated
    ambiguous = Column(Boolean, nullable=False, default=False)

    __table_args__ = (Index("ix_occupation_labels_normalized", "normalized"),)


class CuratedRecord(Base):
    """Curated content rows (featured profiles, stories, myths, facts...) stored as JSON text.

    The curated CSVs are validated by the build; keeping them as one JSON row per record
    lets the content grow columns without schema migrations.
    """

    __tablename__ = "curated_records"
    id = Column(Integer, primary_key=True)
    kind = Column(String(30), nullable=False, index=True)
    key = Column(String(80), nullable=False)
    data = Column(Text, nullable=False)
